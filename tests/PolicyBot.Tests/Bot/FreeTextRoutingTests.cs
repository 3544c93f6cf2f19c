using System.Text.Json;
using System.Text.RegularExpressions;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// What staff type is matched to a topic: a clear match starts that topic's situation, an unsure one
/// offers the best three topics, no match shows the menu — and the first topic in the reply is the
/// one the bot judged most likely (design.md's machine-readable marker).
/// </summary>
public sealed partial class FreeTextRoutingTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Quelqu'un a publié l'adresse d'une femme dans un commentaire sur notre page", "fr-CA")]
    [InlineData("someone left a hateful troll comment on our facebook page", "en-CA")]
    [InlineData("a survivor sent us a DM on Instagram asking for a bed tonight", "en-US")]
    [InlineData("est-ce que je peux accepter une survivante comme amie sur mon Facebook perso?", "fr-CA")]
    public async Task AQuestion_GetsTheMatchersBestTopicFirst_AsASituationOrAChoice(string text, string locale)
    {
        var match = TopicMatcher.Default.Match(text, Languages.FromLocale(locale));
        Assert.NotEqual(MatchConfidence.None, match.Confidence);
        Activity? reply = null;

        await _bot.Flow(_bot.Adapter(locale: locale)).Send(text).AssertReply(r => reply = r).StartTestAsync();

        Assert.Equal(match.Ranked[0].TopicId, FirstTopic(reply!));
        var visible = CardReader.VisibleText(reply!);
        if (match.Confidence == MatchConfidence.Confident)
        {
            var situation = Content.Situation(Content.Topic(match.Ranked[0].TopicId).Situation);
            Assert.Contains(situation.Question(situation.Start).Text(match.Language), visible);
        }
        else
        {
            Assert.Contains(Content.Ui("choices.title", match.Language), visible);
            Assert.Equal(match.Ranked.Take(3).Select(t => Content.Topic(t.TopicId).Text(match.Language).Title), CardReader.ActionTitles(reply!).Take(3));
        }
    }

    [Fact]
    public Task Gibberish_GetsAPlainAnswerAndTheMenu() =>
        _bot.Flow(_bot.Adapter()).Send("asdf qwerty zxcv")
            .AssertReply("I couldn't find a guideline that matches. Pick a situation:")
            .AssertReplyContains("What situation are you facing?")
            .StartTestAsync();

    [Fact]
    public Task AFrenchQuestion_FromAnEnglishLocale_IsAnsweredInFrench_UntilTheUserChoosesALanguage()
    {
        // Insults only: threats in a comment are a crisis first (ScopeConversationTests).
        const string text = "quelqu'un a écrit des insultes et des propos haineux dans les commentaires de notre page";
        var match = TopicMatcher.Default.Match(text, Language.En);
        Assert.Equal(Language.Fr, match.Language);
        var topic = Content.Topic(match.Ranked[0].TopicId);
        return _bot.Flow(_bot.Adapter(locale: "en-US"))
            .Send(text)
            .AssertReplyContains(topic.Fr.Title)
            .Send("english")
            .AssertReply("OK, I'll speak English with you from now on.")
            .Send(text)
            .AssertReplyContains(topic.En.Title)
            .StartTestAsync();
    }

    [Fact]
    public async Task AConfidentMatch_ThenTappingThrough_EndsOnAGuideline_AndNothingTypedIsStored()
    {
        const string text = "quelqu'un a publié l'adresse d'une femme dans un commentaire zebraword";
        var match = TopicMatcher.Default.Match(text, Language.Fr);
        Assert.Equal(MatchConfidence.Confident, match.Confidence);
        var situation = Content.Situation(Content.Topic(match.Ranked[0].TopicId).Situation);
        var question = situation.Question(situation.Start);
        var answer = question.Options.First(o => o.Outcome is not null);

        await _bot.Flow(_bot.Adapter(locale: "fr-CA"))
            .Send(text)
            .AssertReplyContains(question.Text(Language.Fr))
            .Click(answer.Label(Language.Fr))
            .AssertReplyContains(Content.Topic(answer.Outcome!.Topic).Fr.Title)
            .StartTestAsync();

        Assert.All(Directory.GetFiles(_bot.Folder, "*", SearchOption.AllDirectories),
            f => Assert.DoesNotContain("zebraword", File.ReadAllText(f), StringComparison.Ordinal));
    }

    private static string? FirstTopic(Activity reply) =>
        TopicMarker().Match(JsonSerializer.Serialize(reply.Attachments![0].Content, BotJson.Options)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("\"topic\":\"([a-z-]+)\"")]
    private static partial Regex TopicMarker();
}
