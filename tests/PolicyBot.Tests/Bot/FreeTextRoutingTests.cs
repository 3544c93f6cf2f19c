using System.Text.Json;
using System.Text.RegularExpressions;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// What staff type is matched to a topic: a clear match starts a situation that can end on that topic and
/// does not ask again what the text already says, an unsure one offers the best three or four topics (or
/// opens the situation the text names, when its questions tell them apart), no match shows the menu — and
/// the first topic in the reply is the one the bot judged most likely (design.md's machine-readable marker).
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class FreeTextRoutingTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly SituationReader Reader = SituationReader.For(Content);
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
        var match = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Languages.FromLocale(locale));
        Assert.NotEqual(MatchConfidence.None, match.Confidence);
        Activity? reply = null;

        await _bot.Flow(_bot.Adapter(locale: locale)).Send(text).AssertReply(r => reply = r).StartTestAsync();

        Assert.Equal(match.Ranked[0].TopicId, FirstTopic(reply!));
        var visible = CardReader.VisibleText(reply!);
        var topics = match.Ranked.Select(t => t.TopicId).ToList();
        var entry = match.Confidence == MatchConfidence.Confident
            ? Reader.Read(text, match.Language, topics[0])
            : Reader.ReadUnsure(text, match.Language, topics);
        if (entry is not null)
        {
            Assert.Contains(entry.Situation.Question(FirstQuestionLeft(entry)).Text(match.Language), visible);
        }
        else
        {
            Assert.Contains(Content.Ui("choices.title", match.Language), visible);
            Assert.Equal(topics.Take(match.Offered).Select(t => Content.Topic(t).Text(match.Language).Title), TopicButtons(reply!));
        }
    }

    [Theory]
    [InlineData("la page et les commentaires", "fr-CA", 3)]
    [InlineData("a resident and her phone", "en-CA", 3)]
    [InlineData("photos on our page", "en-CA", 4)]
    public async Task AnUnsureMatch_OffersTheFirstThreeTopics_AndAFourthWhenItIsClose(string text, string locale, int offered)
    {
        var match = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Languages.FromLocale(locale));
        Assert.Equal(MatchConfidence.Unsure, match.Confidence);
        Assert.Equal(offered, match.Offered);
        Activity? reply = null;

        await _bot.Flow(_bot.Adapter(locale: locale)).Send(text).AssertReply(r => reply = r).StartTestAsync();

        Assert.Equal(match.Ranked.Take(match.Offered).Select(t => Content.Topic(t.TopicId).Text(match.Language).Title), TopicButtons(reply!));
        Assert.Equal(Content.Ui("action.noneOfThese", match.Language), CardReader.ActionTitles(reply!).Last());
        Assert.Contains(match.Language == Language.Fr ? "composez le 911" : "call 911", CardReader.VisibleText(reply!));
    }

    [Fact]
    public async Task TheReadmeExample_OpensTheIdentifyingInformationSituation_AndNeverAsksWhatKindOfInformationItIs()
    {
        const string text = "quelqu'un a publié l'adresse d'une femme dans un commentaire";
        var situation = Content.Situation("identifying-info-comment");
        var whoPosted = situation.Question(situation.Start);
        var someoneElse = whoPosted.Options.Single(o => o.Next == "what-info");
        var whatInfo = situation.Question("what-info");
        var rulesPosted = situation.Question(whatInfo.Options.Single(o => o.Id == "personal-details").Next!);
        var posted = rulesPosted.Options.First(o => o.Outcome is not null);
        var seen = new List<string>();

        await _bot.Flow(_bot.Adapter(locale: "fr-CA"))
            .Send(text)
            .AssertReply(r => seen.Add(CardReader.VisibleText(r)))
            .Click(someoneElse.Fr)
            .AssertReply(r => seen.Add(CardReader.VisibleText(r)))
            .Click(posted.Fr)
            .AssertReply(r => seen.Add(CardReader.VisibleText(r)))
            .StartTestAsync();

        Assert.Contains(whoPosted.Fr.Text, seen[0]);
        Assert.Contains(rulesPosted.Fr.Text, seen[1]);
        Assert.DoesNotContain(seen, card => card.Contains(whatInfo.Fr.Text, StringComparison.Ordinal));
        Assert.Contains(Content.Topic("unacceptable-content").Fr.Title, seen[2]);
        Assert.All(posted.Outcome!.Fr, line => Assert.Contains(line, seen[2]));
    }

    [Fact]
    public async Task AQuestionThatAnswersTheFirstQuestionOutright_GetsTheGuidelineAtOnce()
    {
        const string text = "our page admin is off sick for a month";
        var match = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Language.En);
        Assert.Equal(MatchConfidence.Confident, match.Confidence);
        var situation = Content.Situation("managing-our-accounts");
        var outcome = situation.Question(situation.Start).Options.Single(o => o.Id == "admin-away").Outcome!;
        Activity? reply = null;

        await _bot.Flow(_bot.Adapter(locale: "en-CA")).Send(text).AssertReply(r => reply = r).StartTestAsync();

        var visible = CardReader.VisibleText(reply!);
        Assert.Contains(Content.Topic(outcome.Topic).En.Title, visible);
        Assert.All(outcome.En, line => Assert.Contains(line, visible));
        Assert.DoesNotContain(situation.Question(situation.Start).En.Text, visible);
    }

    [Fact]
    public async Task AnUnsureMatchThatNamesASituation_OpensIt_WithTheMatchersBestTopicFirst()
    {
        // "someone posted a hostile comment on our page" until authors a21 and a22: "hostile comment" is now read as a
        // hateful comment (synonyms.json), and that question is a confident match that opens the situation
        // (ReadmeExamplesTests); the load driver's first message is still an unsure one.
        const string text = "someone left a hostile comment on our page";
        var match = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Language.En);
        Assert.Equal(MatchConfidence.Unsure, match.Confidence);
        var situation = Content.Situation("hostile-comment");
        Activity? reply = null;

        await _bot.Flow(_bot.Adapter(locale: "en-CA")).Send(text).AssertReply(r => reply = r).StartTestAsync();

        Assert.Contains(situation.Question(situation.Start).En.Text, CardReader.VisibleText(reply!));
        Assert.Equal(match.Ranked[0].TopicId, FirstTopic(reply!));
    }

    [Fact]
    public Task Gibberish_GetsAPlainAnswer_WhereToTurnInDanger_AndTheMenu() =>
        _bot.Flow(_bot.Adapter()).Send("asdf qwerty zxcv")
            .AssertReply("I couldn't find a guideline that matches. If anyone is threatened or in danger right now, call 911 and follow your shelter's emergency procedure. Otherwise, pick a situation:")
            .AssertReplyContains("What situation are you facing?")
            .StartTestAsync();

    [Fact]
    public Task Gibberish_InFrench_GetsAPlainAnswer_WhereToTurnInDanger_AndTheMenu() =>
        _bot.Flow(_bot.Adapter(locale: "fr-CA")).Send("asdf qwerty zxcv")
            .AssertReply("Je n'ai pas trouvé de ligne directrice qui corresponde. Si une personne est menacée ou en danger maintenant, composez le 911 et suivez la procédure d'urgence de votre maison d'hébergement. Sinon, choisissez une situation :")
            .AssertReplyContains("Quelle situation vivez-vous?")
            .StartTestAsync();

    [Fact]
    public Task AFrenchQuestion_FromAnEnglishLocale_IsAnsweredInFrench_UntilTheUserChoosesALanguage()
    {
        // Insults only: threats in a comment are a crisis first (ScopeConversationTests).
        const string text = "quelqu'un a écrit des insultes et des propos haineux dans les commentaires de notre page";
        var match = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Language.En);
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
        const string text = "quelqu'un a publié des insultes zebraword dans un commentaire";
        var match = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Language.Fr);
        Assert.Equal(MatchConfidence.Confident, match.Confidence);
        var entry = Reader.Read(text, Language.Fr, match.Ranked[0].TopicId);
        var flow = _bot.Flow(_bot.Adapter(locale: "fr-CA")).Send(text);
        var question = entry.Situation.Question(FirstQuestionLeft(entry));
        SituationOption answer;
        while (true)
        {
            // Tap through: a button that ends the situation when there is one, else the first.
            answer = question.Options.FirstOrDefault(o => o.Outcome is not null) ?? question.Options[0];
            flow = flow.AssertReplyContains(question.Text(Language.Fr)).Click(answer.Label(Language.Fr));
            if (answer.Outcome is not null) break;
            question = entry.Situation.Question(FirstQuestionLeft(entry, answer.Next!));
        }

        await flow.AssertReplyContains(Content.Topic(answer.Outcome.Topic).Fr.Title).StartTestAsync();

        Assert.All(Directory.GetFiles(_bot.Folder, "*", SearchOption.AllDirectories),
            f => Assert.DoesNotContain("zebraword", File.ReadAllText(f), StringComparison.Ordinal));
    }

    /// <summary>The first question, from <paramref name="from"/> (the start), that the text did not answer, following the answers it gave.</summary>
    private static string FirstQuestionLeft(SituationEntry entry, string? from = null)
    {
        var question = from ?? entry.Situation.Start;
        while (entry.Answers.TryGetValue(question, out var answer) && entry.Situation.Question(question).Options.Single(o => o.Id == answer).Next is { } next) question = next;
        return question;
    }

    /// <summary>The topic buttons of a choices card: every button but the last, "none of these".</summary>
    private static IEnumerable<string> TopicButtons(Activity reply) => CardReader.ActionTitles(reply).SkipLast(1);

    private static string? FirstTopic(Activity reply) =>
        TopicMarker().Match(JsonSerializer.Serialize(reply.Attachments![0].Content, BotJson.Options)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("\"topic\":\"([a-z-]+)\"")]
    private static partial Regex TopicMarker();
}
