using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Situations;

/// <summary>
/// The guideline card at the end of a situation keeps apart what she told the bot about this case (her
/// answers, under "In your situation") and what the organisation has recorded ("Your organisation's
/// policy"), and does not ask her to check what she has just answered.
/// </summary>
[Trait("Category", "Fast")]
public sealed class GuidelineCaseTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly Situation Hostile = Content.Situation("hostile-comment");
    private static readonly Topic Divergent = Content.Topic("divergent-opinions");
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static SituationOption Option(string question, string id) => Hostile.Question(question).Options.Single(o => o.Id == id);

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task AfterSheAnswersThatCommentsAreOpen_TheCardShowsHerAnswersAndDoesNotAskHerToCheckTheStance(string lang)
    {
        var language = Languages.Parse(lang);
        var (disagreement, open) = (Option("what-kind", "disagreement"), Option("our-stance", "open-and-correct"));
        var doNow = Divergent.Text(language).DoNow;
        var adapter = _bot.Adapter(locale: lang == "fr" ? "fr-CA" : "en-CA");
        string card = "";

        await _bot.Flow(adapter)
            .Submit(new { action = "situation", situation = Hostile.Id })
            .AssertReplyContains(Hostile.Question("what-kind").Text(language))
            .Click(disagreement.Label(language))
            .AssertReplyContains(Hostile.Question("our-stance").Text(language))
            .Click(open.Label(language))
            .AssertReply(reply => card = CardReader.VisibleText(reply))
            .StartTestAsync();

        AssertInOrder(card,
            Content.Ui("guideline.forYourCase", language),
            Content.Ui("guideline.yourAnswers", language),
            "• " + disagreement.Label(language),
            "• " + open.Label(language),
            open.Outcome!.Notes(language)[0],
            Content.Ui("guideline.doNow", language),
            $"1. {doNow[1]}",
            $"{doNow.Count - 1}. {doNow[^1]}",
            Content.Ui("guideline.orgPolicy", language),
            Content.Ui("guideline.orgPolicyIntro", language),
            Content.Ui("guideline.notDecided", language));
        Assert.Equal([1], open.Outcome.SkipDoNow);
        Assert.DoesNotContain(doNow[0], card, StringComparison.Ordinal);
        Assert.DoesNotContain($"{doNow.Count}. ", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenSheSaysTheStanceIsNotDecided_TheCardStillAsksHerToCheckIt()
    {
        var undecided = Option("our-stance", "undecided");
        var doNow = Divergent.En.DoNow;
        var adapter = _bot.Adapter(locale: "en-CA");

        await _bot.Flow(adapter)
            .Submit(new { action = "situation", situation = Hostile.Id })
            .AssertReplyContains(Hostile.Question("what-kind").Text(Language.En))
            .Click(Option("what-kind", "disagreement").En)
            .AssertReplyContains(Hostile.Question("our-stance").Text(Language.En))
            .Click(undecided.En)
            .AssertReplyContains("• " + undecided.En, $"1. {doNow[0]}", $"{doNow.Count}. {doNow[^1]}")
            .StartTestAsync();
        Assert.Empty(undecided.Outcome!.SkipDoNow);
    }

    [Fact]
    public async Task AClickOnAnOlderCard_ShowsTheAnswersOfThatCardsPath()
    {
        var adapter = _bot.Adapter(locale: "en-CA");
        Activity? first = null;
        var inaccurate = Option("what-kind", "inaccurate");
        var facts = Hostile.Question("inaccuracy-approach").Options.Single(o => o.Id == "correct-with-facts");

        await _bot.Flow(adapter)
            .Submit(new { action = "situation", situation = Hostile.Id })
            .AssertReply(reply => first = reply)
            .Click(Option("what-kind", "disagreement").En)
            .AssertReplyContains(Hostile.Question("our-stance").Text(Language.En))
            // She scrolls back up to the first question and picks another answer there.
            .Send(() => adapter.MakeSubmit(ButtonData(first!, inaccurate.En), first!.Id))
            .AssertReplyContains(Hostile.Question("inaccuracy-approach").Text(Language.En))
            .Click(facts.En)
            .AssertReply(reply =>
            {
                var card = CardReader.VisibleText(reply);
                Assert.Contains("• " + inaccurate.En + "\n", card, StringComparison.Ordinal);
                Assert.Contains("• " + facts.En + "\n", card, StringComparison.Ordinal);
                Assert.DoesNotContain(Option("what-kind", "disagreement").En, card, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task AnswersOnAButtonThatTheSituationCannotHaveGiven_AreNotShown()
    {
        var adapter = _bot.Adapter(locale: "en-CA");
        var open = Option("our-stance", "open-and-correct");
        var forged = new
        {
            choice = open.Id, situation = Hostile.Id, question = "our-stance",
            answers = new[] { "what-kind=abusive", "what-kind=no-such-option", "no-such-question=x", "Someone named Test Person", "what-kind=abusive" },
        };

        await _bot.Flow(adapter)
            .Submit(forged)
            .AssertReply(reply =>
            {
                var card = CardReader.VisibleText(reply);
                Assert.Equal(["• " + Option("what-kind", "abusive").En, "• " + open.En], card.Split('\n').Where(l => l.StartsWith("• ", StringComparison.Ordinal)).Take(2));
                Assert.DoesNotContain("Test Person", card, StringComparison.Ordinal);
                Assert.DoesNotContain("no-such", card, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task SwitchingLanguageMidway_ShowsEveryAnswerInTheNewLanguage()
    {
        var adapter = _bot.Adapter(locale: "en-CA");
        var (disagreement, open) = (Option("what-kind", "disagreement"), Option("our-stance", "open-and-correct"));

        await _bot.Flow(adapter)
            .Submit(new { action = "situation", situation = Hostile.Id })
            .AssertReplyContains(Hostile.Question("what-kind").Text(Language.En))
            .Click(disagreement.En)
            .AssertReplyContains(Hostile.Question("our-stance").Text(Language.En))
            .Send("français")
            .AssertReplyContains(Content.Ui("language.switched", Language.Fr))
            .AssertReplyContains(Hostile.Question("our-stance").Text(Language.Fr))
            .Send("1")
            .AssertReplyContains(Content.Ui("guideline.yourAnswers", Language.Fr), "• " + disagreement.Fr, "• " + open.Fr)
            .StartTestAsync();
    }

    [Fact]
    public async Task ATopicOpenedDirectly_HasNoSituationSection()
    {
        var adapter = _bot.Adapter(locale: "en-CA");

        await _bot.Flow(adapter)
            .Submit(new { action = "topic", topic = Divergent.Id, direct = true })
            .AssertReply(reply =>
            {
                var card = CardReader.VisibleText(reply);
                Assert.Contains($"1. {Divergent.En.DoNow[0]}", card, StringComparison.Ordinal);
                Assert.DoesNotContain(Content.Ui("guideline.forYourCase", Language.En), card, StringComparison.Ordinal);
                Assert.DoesNotContain(Content.Ui("guideline.yourAnswers", Language.En), card, StringComparison.Ordinal);
                Assert.Contains(Content.Ui("guideline.orgPolicy", Language.En), card, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    /// <summary>The data of the button titled <paramref name="title"/> on <paramref name="card"/>, as Teams sends it back.</summary>
    private static JsonElement ButtonData(Activity card, string title) =>
        CardReader.FindAction(card, title)?.Data ?? throw new InvalidOperationException($"No button \"{title}\".");

    /// <summary>Each of <paramref name="expected"/> is a whole line of <paramref name="card"/>, in this order.</summary>
    private static void AssertInOrder(string card, params string[] expected)
    {
        var lines = card.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = -1;
        foreach (var line in expected)
        {
            var next = lines.FindIndex(at + 1, l => l == line);
            Assert.True(next > at, $"\"{line}\" is not a line after line {at + 1} of the card:\n{card}");
            at = next;
        }
    }
}
