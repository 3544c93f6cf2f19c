using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// What a question already says about the situation it opens: the situation that can end on its topic and
/// fits its words, and the questions it already answers — never a button that leads away from the topic,
/// never one named by a word most topics use, and a guideline straight away only on strong evidence.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SituationReaderTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly SituationReader Reader = SituationReader.For(Content);

    [Fact]
    public void ForEveryExample_TheEntryCanStillEndOnItsTopic()
    {
        var checkedExamples = 0;
        foreach (var topic in Content.Topics)
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                foreach (var example in topic.Text(language).Examples)
                {
                    var entry = Reader.Read(example, language, topic.Id);
                    Assert.True(Ends(entry.Situation, entry.Situation.Start, entry.Answers).Contains(topic.Id),
                        $"{topic.Id} cannot be reached from {entry.Situation.Id} with the answers read in: {example}");
                    foreach (var (questionId, optionId) in entry.Answers)
                    {
                        var option = Assert.Single(entry.Situation.Question(questionId).Options, o => o.Id == optionId);
                        if (option.Outcome is not null) Assert.Equal(entry.Situation.Start, questionId);
                    }
                    checkedExamples++;
                }
            }
        }
        Assert.True(checkedExamples > 1000, $"{checkedExamples} examples");
    }

    [Fact]
    public void WordsThatNameNothing_OpenTheTopicsOwnSituationWithNothingAnswered()
    {
        foreach (var topic in Content.Topics)
        {
            var fr = Reader.Read("est-ce qu'on peut faire ça?", Language.Fr, topic.Id);
            var en = Reader.Read("what should we do about it?", Language.En, topic.Id);

            Assert.Equal((topic.Situation, 0), (fr.Situation.Id, fr.Answers.Count));
            Assert.Equal((topic.Situation, 0), (en.Situation.Id, en.Answers.Count));
        }
    }

    [Theory]
    [InlineData(Language.Fr, "quelqu'un a publié l'adresse d'une femme dans un commentaire")]
    [InlineData(Language.Fr, "Un commentaire donne l'adresse de la maison d'une résidente, on le retire-tu")]
    [InlineData(Language.En, "someone posted a woman's address in a comment")]
    [InlineData(Language.En, "a commenter put up the home address of a woman we help")]
    public void AnAddressInAComment_OpensTheIdentifyingInformationSituationAndAnswersWhatKindItIs(Language language, string text)
    {
        var entry = Reader.Read(text, language, "unacceptable-content");

        Assert.Equal("identifying-info-comment", entry.Situation.Id);
        Assert.Equal("personal-details", entry.Answers.GetValueOrDefault("what-info"));
        // Who posted it is not said: the woman herself is a different case, so that is still asked.
        Assert.False(entry.Answers.ContainsKey(entry.Situation.Start));
    }

    [Theory]
    [InlineData(Language.Fr, "Quelqu'un écrit des insultes sous toutes nos publications", "abusive", null)]
    [InlineData(Language.En, "someone keeps leaving insults under every post", "abusive", null)]
    [InlineData(Language.Fr, "un troll fait du harcèlement dans nos commentaires depuis une semaine", "abusive", "harassment")]
    [InlineData(Language.En, "a troll has been harassing us in the comments all week", "abusive", "harassment")]
    public void InsultsAndHarassment_AnswerTheHostileCommentsQuestions(Language language, string text, string whatKind, string? abuseKind)
    {
        var entry = Reader.Read(text, language, "unacceptable-content");

        Assert.Equal("hostile-comment", entry.Situation.Id);
        Assert.Equal(whatKind, entry.Answers.GetValueOrDefault("what-kind"));
        Assert.Equal(abuseKind, entry.Answers.GetValueOrDefault("abuse-kind"));
    }

    [Theory]
    [InlineData(Language.Fr, "Quelqu'un partage une capture d'écran avec les informations personnelles d'une femme")]
    [InlineData(Language.En, "someone shared a screenshot with a woman's personal information")]
    public void AWordMostTopicsUse_NamesNoButton(Language language, string text)
    {
        // "Une information inexacte" / "Inaccurate information": "information" is everywhere, "inexacte" is what tells.
        var entry = Reader.Read(text, language, "unacceptable-content");

        Assert.NotEqual("inaccurate", entry.Answers.GetValueOrDefault("what-kind"));
    }

    [Theory]
    [InlineData(Language.Fr, "L'administratrice de notre page est malade depuis deux semaines")]
    [InlineData(Language.En, "our page admin is off sick for a month")]
    public void TwoTellingWords_AnswerAFirstQuestionThatEndsTheSituation(Language language, string text)
    {
        var entry = Reader.Read(text, language, "work-hours-and-admin-access");

        Assert.Equal("managing-our-accounts", entry.Situation.Id);
        Assert.Equal("admin-away", entry.Answers.GetValueOrDefault("what-about"));
    }

    [Theory]
    [InlineData(Language.Fr, "Une femme nous écrit sur Insta, c'est mieux de lui proposer le texto?")]
    [InlineData(Language.En, "a woman writes to us on insta, should we suggest text instead")]
    public void OneWord_DoesNotEndASituation(Language language, string text)
    {
        // "Oui (texto, clavardage, etc.)" ends the situation: mentioning texting is not saying she can use it.
        var entry = Reader.Read(text, language, "survivor-seeks-support-online");

        Assert.False(entry.Answers.ContainsKey("safer-channel"));
    }

    [Theory]
    [InlineData(Language.En, "someone posted a hostile comment on our page")]
    [InlineData(Language.Fr, "quelqu'un a laissé un commentaire hostile sur notre page")]
    public void AnUnsureMatch_OpensTheSituationItsWordsNameWhenItTellsTheFirstTwoTopicsApart(Language language, string text)
    {
        var entry = Reader.ReadUnsure(text, language, ["unacceptable-content", "divergent-opinions", "moderation-capacity"]);

        Assert.Equal("hostile-comment", entry?.Situation.Id);
    }

    [Theory]
    [InlineData(Language.En, "a comment on our page", new[] { "unacceptable-content", "divergent-opinions" })]
    [InlineData(Language.En, "someone posted a hostile comment on our page", new[] { "unacceptable-content", "staff-contact-with-survivors" })]
    public void An_unsure_match_offers_choices_when_no_situation_is_named_or_none_tells_the_topics_apart(Language language, string text, string[] topics)
    {
        Assert.Null(Reader.ReadUnsure(text, language, topics));
    }

    /// <summary>The topics a situation can end on from <paramref name="questionId"/>, following the given answers where there are some.</summary>
    private static HashSet<string> Ends(Situation situation, string questionId, IReadOnlyDictionary<string, string> given)
    {
        var ends = new HashSet<string>(StringComparer.Ordinal);
        var question = situation.Question(questionId);
        var options = given.TryGetValue(questionId, out var chosen) ? question.Options.Where(o => o.Id == chosen) : question.Options;
        foreach (var option in options)
        {
            if (option.Outcome is not null) ends.Add(option.Outcome.Topic);
            else if (option.Next is not null) ends.UnionWith(Ends(situation, option.Next, given));
        }
        return ends;
    }
}
