using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Situations;

/// <summary>
/// Every path of every situation, in French and in English, from the menu button to its guideline
/// card: each question is shown, each answer is tapped, and the card shows the topic and the lines
/// written for that branch. Typing the answer (its number, or its words) gets the same card.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SituationWalkTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static TheoryData<string, int, string> Paths()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var group in SituationPath.ToGuidelines(Content).GroupBy(p => p.Situation.Id))
        {
            var i = 0;
            foreach (var _ in group)
            {
                data.Add(group.Key, i, "fr");
                data.Add(group.Key, i, "en");
                i++;
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public Task TappingTheButtons_LeadsToTheGuidelineForThatBranch(string situationId, int pathIndex, string lang) =>
        Walk(situationId, pathIndex, lang, AnswerBy.Tap);

    [Theory]
    [MemberData(nameof(Paths))]
    public Task TypingTheAnswersNumber_GivesTheSameGuideline(string situationId, int pathIndex, string lang) =>
        Walk(situationId, pathIndex, lang, AnswerBy.Number);

    [Theory]
    [MemberData(nameof(Paths))]
    public Task TypingTheAnswersWords_GivesTheSameGuideline(string situationId, int pathIndex, string lang) =>
        Walk(situationId, pathIndex, lang, AnswerBy.Words);

    [Theory]
    [InlineData("oui", "posted")]
    [InlineData("Oui.", "posted")]
    [InlineData("non", "not-posted")]
    [InlineData("NON", "not-posted")]
    public Task TypingOuiOrNon_AnswersAYesNoQuestion(string typed, string expectedOption)
    {
        var situation = Content.Situation("hostile-comment");
        var option = situation.Question("rules-posted").Options.Single(o => o.Id == expectedOption);
        var adapter = _bot.Adapter(locale: "fr-CA");
        return _bot.Flow(adapter)
            .Send(() => adapter.MakeSubmit(new { action = "situation", situation = situation.Id }))
            .AssertReplyContains(situation.Question("what-kind").Text(Language.Fr))
            .Send("3")
            .AssertReplyContains(situation.Question("abuse-kind").Text(Language.Fr))
            .Send("2")
            .AssertReplyContains(situation.Question("rules-posted").Text(Language.Fr))
            .Send(typed)
            .AssertReplyContains([.. option.Outcome!.Fr])
            .StartTestAsync();
    }

    [Fact]
    public void EveryTopic_IsTheEndOfSomePath() =>
        Assert.Equal(Content.Topics.Select(t => t.Id).Order(), SituationPath.ToGuidelines(Content).Select(p => p.Outcome!.Topic).Distinct().Order());

    [Fact]
    public void EveryPath_AsksOneToThreeQuestions() =>
        Assert.All(SituationPath.All(Content), p => Assert.InRange(p.Steps.Count, 1, 3));

    private enum AnswerBy { Tap, Number, Words }

    private async Task Walk(string situationId, int pathIndex, string lang, AnswerBy answerBy)
    {
        var language = Languages.Parse(lang);
        var path = SituationPath.ToGuidelines(Content).Where(p => p.Situation.Id == situationId).ElementAt(pathIndex);
        var adapter = _bot.Adapter(locale: lang == "fr" ? "fr-CA" : "en-CA");
        var flow = _bot.Flow(adapter).Send("menu")
            .AssertReplyContains(Content.Ui("menu.title", language), path.Situation.Title(language))
            .Click(path.Situation.Title(language));

        foreach (var (question, option) in path.Steps)
        {
            flow = flow.AssertReplyContains(question.Text(language), option.Label(language));
            flow = answerBy switch
            {
                AnswerBy.Tap => flow.Click(option.Label(language)),
                AnswerBy.Number => flow.Send((question.Options.IndexOf(option) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => flow.Send(option.Label(language)),
            };
        }

        var topic = Content.Topic(path.Outcome!.Topic);
        var expected = new List<string> { topic.Text(language).Title, topic.Text(language).Summary };
        expected.AddRange(path.Outcome.Notes(language));
        // Her answers, then the steps she has not already answered, numbered from 1.
        expected.AddRange(path.Steps.Select(s => "• " + s.Option.Label(language)));
        expected.Add("1. " + topic.Text(language).DoNow.Where((_, i) => !path.Outcome.SkipDoNow.Contains(i + 1)).First());
        expected.Add(language == Language.Fr ? "Quoi faire maintenant" : "What to do now");
        await flow.AssertReplyContains([.. expected]).AssertNoReply().StartTestAsync();
    }
}
