using System.Text.RegularExpressions;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Situations;

/// <summary>
/// House rules for the words of the situations and the onboarding lessons: every outcome line rests on
/// the guide, French puts a space before the colon, English says "shelter", and no channel is called
/// safer than the guide says (content review, section 6 and W2).
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class SituationWordingTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly OnboardingLessons Lessons = OnboardingLessons.LoadShipped(Content);

    [Fact]
    public void EveryOutcomeLine_CitesAPassageOfTheGuide()
    {
        var outcomes = Content.Situations.SelectMany(s => s.Questions).SelectMany(q => q.Options).Select(o => o.Outcome).OfType<SituationOutcome>().ToList();
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, outcome =>
        {
            Assert.Equal(outcome.Fr.Count, outcome.Sources.Count);
            Assert.Equal(outcome.En.Count, outcome.Sources.Count);
            Assert.All(outcome.Sources, source => Assert.Null(Content.Guide.Problem(source)));
        });
    }

    [Fact]
    public void EveryButtonLabel_IsAtMost30Characters()
    {
        var labels = Content.Situations.SelectMany(s => new[] { s.Fr.Title, s.En.Title }
                .Concat(s.Questions.SelectMany(q => q.Options).SelectMany(o => new[] { o.Fr, o.En })))
            .Concat(Lessons.All.SelectMany(l => l.Questions).SelectMany(q => q.Options).SelectMany(o => new[] { o.Fr.Label, o.En.Label }))
            .ToList();
        Assert.All(labels, label => Assert.InRange(label.Length, 1, 30));
    }

    [Fact]
    public void French_PutsASpaceBeforeEveryColon() =>
        Assert.All(FrenchTexts(), text => Assert.DoesNotMatch(ColonWithoutSpace(), text));

    [Fact]
    public void English_SaysShelter_NotTheHouse() =>
        Assert.All(EnglishTexts(), text => Assert.DoesNotMatch(TheHouse(), text));

    [Fact]
    public void NoAnswerAboutSurvivorsReachingOut_CallsAChannelSafer()
    {
        // The guide only says to offer other ways "aux protections plus robustes" and points to Section 2 (L.55).
        var topics = new HashSet<string> { "survivor-seeks-support-online", "tech-facilitated-violence-help" };
        var lines = Content.Situations.SelectMany(s => s.Questions).SelectMany(q => q.Options
                .SelectMany(o => new[] { o.Fr, o.En }.Concat(o.Outcome is { } outcome && topics.Contains(outcome.Topic) ? outcome.Fr.Concat(outcome.En) : [])))
            .Concat(Lessons.Find("survivors-reaching-out")!.Questions.SelectMany(q => q.Options).SelectMany(o => new[] { o.Fr.Label, o.Fr.Explanation, o.En.Label, o.En.Explanation }))
            .ToList();
        Assert.All(lines, line => Assert.DoesNotMatch(SaferChannel(), line));
    }

    private static IEnumerable<string> FrenchTexts() =>
        Content.Situations.SelectMany(s => new[] { s.Fr.Title }
                .Concat(s.Questions.SelectMany(q => new[] { q.Fr.Text }.Concat(q.Options.SelectMany(o => new[] { o.Fr }.Concat(o.Outcome?.Fr ?? []))))))
            .Concat(Lessons.All.SelectMany(l => new[] { l.Fr.Title, l.Fr.Intro }
                .Concat(l.Questions.SelectMany(q => new[] { q.Fr.Text }.Concat(q.Options.SelectMany(o => new[] { o.Fr.Label, o.Fr.Explanation }))))));

    private static IEnumerable<string> EnglishTexts() =>
        Content.Situations.SelectMany(s => new[] { s.En.Title }
                .Concat(s.Questions.SelectMany(q => new[] { q.En.Text }.Concat(q.Options.SelectMany(o => new[] { o.En }.Concat(o.Outcome?.En ?? []))))))
            .Concat(Lessons.All.SelectMany(l => new[] { l.En.Title, l.En.Intro }
                .Concat(l.Questions.SelectMany(q => new[] { q.En.Text }.Concat(q.Options.SelectMany(o => new[] { o.En.Label, o.En.Explanation }))))));

    [GeneratedRegex(@"\S:")]
    private static partial Regex ColonWithoutSpace();

    [GeneratedRegex(@"\bthe house\b", RegexOptions.IgnoreCase)]
    private static partial Regex TheHouse();

    [GeneratedRegex(@"mieux protégé|plus sûr|better[- ]protected|safer (way|channel)|\(texto|\(text", RegexOptions.IgnoreCase)]
    private static partial Regex SaferChannel();
}
