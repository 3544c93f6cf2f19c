using BotFramework.Testing;
using PolicyBot.Cards;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Policy;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// A guideline card, asked for as Teams sends it, names every section of the guide its statements come
/// from; the cards of topics that sit close to danger also carry the product's own emergency notice.
/// </summary>
[Trait("Category", "Host")]
public sealed class GuidelineSourceLineTests : IAsyncLifetime
{
    private const string NoticeEn = "PolicyBot is not a crisis line. If someone is threatened or in danger right now, call 911 and follow your shelter's emergency procedure.";
    private const string NoticeFr = "PolicyBot n'est pas une ligne de crise. Si quelqu'un est menacé ou en danger maintenant, composez le 911 et suivez la procédure d'urgence de votre maison d'hébergement.";

    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("moderation-capacity", "en", "Source: social-media policy guide (in French), section \"Contrôle et surveillance des médias sociaux\"")]
    [InlineData("moderation-capacity", "fr", "Source : guide sur les médias sociaux, section « Contrôle et surveillance des médias sociaux »")]
    [InlineData("posting-about-staff", "en", "Sources: social-media policy guide (in French), sections \"Publications concernant le personnel\", \"Publication sur les survivantes\"")]
    [InlineData("posting-about-staff", "fr", "Sources : guide sur les médias sociaux, sections « Publications concernant le personnel », « Publication sur les survivantes »")]
    // mission-and-goals also quotes the guide's opening paragraph, which has no heading: it counts as the Introduction.
    [InlineData("mission-and-goals", "en", "Source: social-media policy guide (in French), section \"Introduction: Vos politiques doivent soutenir votre mission et vos objectifs\"")]
    [InlineData("what-survivors-post", "en", "Sources: social-media policy guide (in French), sections \"Ce que les survivantes publient\", \"Utilisation des médias sociaux par les survivantes\"")]
    public Task TheCard_NamesEverySectionItsStatementsComeFrom(string topic, string lang, string sourceLine) =>
        AskFor(topic, lang).AssertReplyContains(sourceLine).StartTestAsync();

    [Theory]
    [InlineData("unacceptable-content", "en", NoticeEn)]
    [InlineData("unacceptable-content", "fr", NoticeFr)]
    [InlineData("survivor-seeks-support-online", "en", NoticeEn)]
    [InlineData("survivor-seeks-support-online", "fr", NoticeFr)]
    [InlineData("tech-facilitated-violence-help", "en", NoticeEn)]
    [InlineData("tech-facilitated-violence-help", "fr", NoticeFr)]
    public Task CardsCloseToDanger_ShowTheEmergencyNotice(string topic, string lang, string notice) =>
        AskFor(topic, lang).AssertReplyContains(notice).StartTestAsync();

    [Theory]
    [InlineData("what-to-post")]
    [InlineData("divergent-opinions")]
    [InlineData("staff-personal-accounts")]
    public Task OtherCards_DoNotShowIt(string topic) =>
        AskFor(topic, "en")
            .AssertReply(reply => Assert.DoesNotContain("crisis line", CardReader.VisibleText(reply), StringComparison.Ordinal), "no notice")
            .StartTestAsync();

    [Fact]
    public async Task APolicyCardCloseToDanger_ShowsTheNoticeToo()
    {
        await using var scenario = await PolicyScenario.StartAsync();
        var refresh = new { action = new { type = "Action.Execute", verb = CardActions.RefreshPolicyCard, data = new { topic = "survivor-seeks-support-online" } }, trigger = "automatic" };

        var answer = await scenario.InvokeAsync(scenario.StaffInChannel, "adaptiveCard/action", refresh);

        Assert.Contains(NoticeEn, PolicyScenario.Visible(answer["value"]!));
    }

    private TestFlow AskFor(string topic, string lang)
    {
        var adapter = _bot.Adapter(locale: lang == "fr" ? "fr-CA" : "en-CA");
        return _bot.Flow(adapter).Send(() => adapter.MakeSubmit(new { action = CardActions.Topic, topic, direct = true }));
    }
}
