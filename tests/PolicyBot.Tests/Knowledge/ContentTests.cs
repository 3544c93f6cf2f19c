using System.Text.RegularExpressions;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The guidelines are complete in both languages and every one of them can be traced to the guide.</summary>
[Trait("Category", "Fast")]
public sealed partial class ContentTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    private static readonly string[] CatalogueIds =
    [
        "mission-and-goals", "what-to-post", "moderation-capacity", "divergent-opinions", "unacceptable-content",
        "connecting-with-others", "posting-about-survivors", "posting-about-staff", "survivor-posts-on-page",
        "survivor-seeks-support-online", "staff-personal-accounts", "staff-contact-with-survivors",
        "staff-identifying-employer", "work-hours-and-admin-access", "survivor-autonomy", "social-media-in-shelter",
        "what-survivors-post", "safety-education", "tech-facilitated-violence-help",
    ];

    /// <summary>The guide's text as shipped with the tests (a copy of shared/source), up to its credits.</summary>
    private static readonly IReadOnlyList<string> GuideLines = LoadGuide();

    [Fact]
    public void TheTopics_AreExactlyTheCatalogue_InTheGuidesOrder() =>
        Assert.Equal(CatalogueIds, Content.Topics.Select(t => t.Id));

    [Theory]
    [MemberData(nameof(TopicIds))]
    public void EveryTopic_HasEveryFieldInBothLanguages(string id)
    {
        var topic = Content.Topic(id);
        foreach (var text in new[] { topic.Fr, topic.En })
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Title));
            Assert.False(string.IsNullOrWhiteSpace(text.Summary));
            Assert.InRange(text.DoNow.Count, 1, 6);
            Assert.NotEmpty(text.Avoid);
            Assert.NotEmpty(text.Why);
            Assert.True(text.Examples.Count >= 8, $"{id} has {text.Examples.Count} examples");
            Assert.All(text.DoNow.Concat(text.Avoid).Concat(text.Why).Concat(text.Examples), line => Assert.False(string.IsNullOrWhiteSpace(line)));
        }
        Assert.NotEqual(topic.Fr.Title, topic.En.Title);
        foreach (var point in topic.DecisionPoints)
        {
            Assert.True(point.Options.Count >= 2, $"{id}/{point.Id} needs at least two options");
            foreach (var text in new[] { point.Fr, point.En })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Label));
                Assert.Equal(point.Options.Order(), text.Options.Keys.Order());
                Assert.All(text.Options.Values, v => Assert.False(string.IsNullOrWhiteSpace(v)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TopicIds))]
    public void EveryTopic_CitesASectionThatExistsInTheGuide(string id)
    {
        var section = Content.Topic(id).Section;
        Assert.Contains(GuideLines, line => line.StartsWith(section, StringComparison.Ordinal));
    }

    [Fact]
    public void EverySectionOfTheGuide_IsCoveredByATopic()
    {
        var sections = GuideSections().ToList();
        Assert.True(sections.Count >= 17, $"found only {sections.Count} sections: the heading rule is wrong");
        var cited = Content.Topics.Select(t => t.Section).ToHashSet(StringComparer.Ordinal);
        Assert.All(sections, section => Assert.Contains(section, cited));
        // The closing note has no heading; its paragraph is cited by its opening words.
        Assert.Contains(Content.Topics, t => GuideLines.Any(l => l.StartsWith("La violence fondée sur le genre", StringComparison.Ordinal) && l.StartsWith(t.Section, StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryInterfaceString_ExistsInBothLanguages() =>
        Assert.All(ShippedContent.UiKeys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Content.Ui(key, Language.Fr)), key);
            Assert.False(string.IsNullOrWhiteSpace(Content.Ui(key, Language.En)), key);
        });

    [Fact]
    public void NoContentString_ContainsMarkupThatCardsWouldInterpret()
    {
        var all = Content.Topics.SelectMany(t => new[] { t.Fr, t.En }.SelectMany(x => new[] { x.Title, x.Summary }.Concat(x.DoNow).Concat(x.Avoid).Concat(x.Why)))
            .Concat(Content.Situations.SelectMany(s => s.Questions.SelectMany(q => q.Options.SelectMany(o => new[] { o.Fr, o.En }.Concat(o.Outcome?.Fr ?? []).Concat(o.Outcome?.En ?? []))))).ToList();
        Assert.All(all, line => Assert.DoesNotMatch(MarkupPattern(), line));
    }

    public static TheoryData<string> TopicIds() => [.. CatalogueIds];

    /// <summary>A heading is a short line that is not a sentence or a bullet; a section is a heading with text under it.</summary>
    private static IEnumerable<string> GuideSections()
    {
        static bool IsHeading(string line) => line.Length < 120 && !line.EndsWith('.') && !line.EndsWith(':') && !line.StartsWith('•');
        for (var i = 0; i + 1 < GuideLines.Count; i++)
        {
            if (IsHeading(GuideLines[i]) && !IsHeading(GuideLines[i + 1])) yield return GuideLines[i];
        }
    }

    private static List<string> LoadGuide()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "social-media-policy-guide.fr.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var credits = lines.FindIndex(l => l.StartsWith("Adapté pour le Canada", StringComparison.Ordinal));
        return credits < 0 ? lines : lines[..credits];
    }

    [GeneratedRegex(@"\]\(|\$\{|<at>|\*\*")]
    private static partial Regex MarkupPattern();
}
