using BotFramework.Testing;
using PolicyBot.Cards;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// A guideline card, asked for as Teams sends it, names every section of the guide its statements come from.
/// </summary>
public sealed class GuidelineSourceLineTests : IAsyncLifetime
{
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

    private TestFlow AskFor(string topic, string lang)
    {
        var adapter = _bot.Adapter(locale: lang == "fr" ? "fr-CA" : "en-CA");
        return _bot.Flow(adapter).Send(() => adapter.MakeSubmit(new { action = CardActions.Topic, topic, direct = true }));
    }
}
