using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// A manager chose an option that a later edition of the content no longer lists (its labels left behind in
/// the file): every card then says the point is not decided and shows the guide's current options, as the
/// editor does, instead of showing a choice that no passage of the guide backs any more.
/// </summary>
[Trait("Category", "Fast")]
public sealed class RetiredOptionTests
{
    private const string TopicFile = "content/topics/unacceptable-content.json";
    private const string TopicId = "unacceptable-content";
    private const string PointId = "removal-scope";
    private const string Retired = "also-inaccurate-harassing-harmful";

    private static readonly ContentLibrary Content = WithRetiredOption();
    private static readonly DecisionPoint Point = Content.Topic(TopicId).DecisionPoints.Single(p => p.Id == PointId);

    [Theory]
    [InlineData("en-CA", Language.En)]
    [InlineData("fr-CA", Language.Fr)]
    public async Task TheGuidelineCard_ShowsARetiredChoiceAsNotDecided(string locale, Language language)
    {
        await using var bot = new BotTestServices(configureServices: services => services.AddSingleton(Content));
        await bot.Services.GetRequiredService<PolicyStore>().ChangeAsync(
            new PolicyAuthor("Test Manager A", "00000000-0000-0000-0000-0000000000e1"), new Dictionary<string, string?> { [PointId] = Retired });
        var card = "";

        await bot.Flow(bot.Adapter(locale: locale))
            .Submit(new { action = "topic", topic = TopicId, direct = true })
            .AssertReply(reply => card = CardReader.VisibleText(reply))
            .StartTestAsync();

        AssertNotDecided(card, language);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Fr)]
    public void ThePolicyCardAndTheEditor_ShowARetiredChoiceAsNotDecided(Language language)
    {
        var policy = PolicyVersion.Initial.Apply(
            new Dictionary<string, string?> { [PointId] = Retired },
            new PolicyAuthor("Test Manager A", "00000000-0000-0000-0000-0000000000e1"), new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.Zero))!;
        var cards = new OrganisationPolicyCards(Content);

        var posted = Visible(cards.PolicyCard(Content.Topic(TopicId), language, policy, viewer: null));
        var editor = cards.EditorData(policy, language);

        AssertNotDecided(posted, language);
        var input = editor["topics"]!.AsArray().SelectMany(t => t!["points"]!.AsArray()).Single(p => (string?)p!["inputId"] == OrganisationPolicyCards.InputPrefix + PointId)!;
        Assert.Equal(OrganisationPolicyCards.NotDecided, (string?)input["value"]);
    }

    private static void AssertNotDecided(string card, Language language)
    {
        var text = Point.Text(language);
        Assert.Contains(Content.Ui("guideline.notDecided", language), card);
        Assert.DoesNotContain(text.Options[Retired], card);
        foreach (var option in Point.Options) Assert.Contains("• " + text.Options[option], card);
    }

    private static string Visible(Attachment card) => CardReader.VisibleText(new Activity { Type = ActivityTypes.Message, Attachments = [card] });

    /// <summary>The content with the option dropped from the point's list and its sources, its labels still in the file.</summary>
    private static ContentLibrary WithRetiredOption()
    {
        var topic = JsonNode.Parse(ShippedFiles.ReadText(TopicFile))!.AsObject();
        var point = topic["decisionPoints"]!.AsArray().Single(p => (string?)p!["id"] == PointId)!.AsObject();
        var options = point["options"]!.AsArray();
        options.Remove(options.Single(o => (string?)o == Retired));
        point["sources"]!.AsObject().Remove(Retired);
        Assert.NotNull(point["en"]!["options"]![Retired]);
        return ContentLibrary.LoadShipped(new Dictionary<string, string> { [TopicFile] = topic.ToJsonString() });
    }
}
