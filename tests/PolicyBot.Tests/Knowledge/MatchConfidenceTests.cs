using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// Confident starts a situation, Unsure offers choices, None says nothing matched: greetings and
/// gibberish are None, a clear question is Confident on the right topic, a vague one is never Confident.
/// </summary>
[Trait("Category", "Fast")]
public sealed class MatchConfidenceTests
{
    private static readonly TopicMatcher Matcher = SharedMatching.Matcher(ContentLibrary.Default);

    [Theory]
    [InlineData("asdf qwerty")]
    [InlineData("bonjour")]
    [InlineData("Bonjour!")]
    [InlineData("salut, merci")]
    [InlineData("hi")]
    [InlineData("Hello!")]
    [InlineData("thanks")]
    [InlineData("ok")]
    [InlineData("???")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzzz xkcd blorp")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3.")]
    [InlineData("24")]
    public void GreetingsGibberishAndEmptyText_MatchNothing(string text)
    {
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            var result = Matcher.Match(text, language);
            Assert.Equal(MatchConfidence.None, result.Confidence);
        }
    }

    [Fact]
    public void OnlyStopWords_MatchNothing()
    {
        Assert.Equal(MatchConfidence.None, Matcher.Match("est-ce que je peux le faire?", Language.Fr).Confidence);
        Assert.Equal(MatchConfidence.None, Matcher.Match("can you do it for me?", Language.En).Confidence);
    }

    [Theory]
    [InlineData(Language.Fr, "Quelqu'un a mis l'adresse et le numéro de téléphone d'une femme dans un commentaire sur notre page", "unacceptable-content")]
    [InlineData(Language.En, "A commenter posted a woman's home address and phone number on our page", "unacceptable-content")]
    [InlineData(Language.Fr, "Une résidente m'envoie une demande d'amitié sur mon Facebook personnel", "staff-contact-with-survivors")]
    [InlineData(Language.En, "A resident sent a friend request to my personal Facebook account", "staff-contact-with-survivors")]
    [InlineData(Language.Fr, "Son ex a caché un traceur GPS dans son auto, où peut-elle trouver de l'aide?", "tech-facilitated-violence-help")]
    [InlineData(Language.En, "The only admin of our Facebook page quit and nobody else can log in", "work-hours-and-admin-access")]
    public void AClearQuestion_IsConfidentOnTheRightTopic(Language language, string question, string topic)
    {
        var result = Matcher.Match(question, language);

        Assert.Equal(topic, result.Best?.TopicId);
        Assert.Equal(MatchConfidence.Confident, result.Confidence);
    }

    [Theory]
    [InlineData(Language.Fr, "j'ai une question sur facebook")]
    [InlineData(Language.Fr, "une question sur Instagram svp")]
    [InlineData(Language.Fr, "politique")]
    [InlineData(Language.Fr, "commentaire")]
    [InlineData(Language.En, "I have a question about Instagram")]
    [InlineData(Language.En, "question about our page")]
    [InlineData(Language.En, "policy")]
    [InlineData(Language.En, "photo")]
    public void AVagueQuestion_IsNeverConfident(Language language, string question)
    {
        var result = Matcher.Match(question, language);

        Assert.NotEqual(MatchConfidence.Confident, result.Confidence);
    }

    [Fact]
    public void Candidates_AreAtMostFiveBestFirstWithPositiveScores()
    {
        var result = Matcher.Match("Une résidente a publié une photo de la maison sur Instagram avec d'autres femmes", Language.Fr);

        Assert.InRange(result.Ranked.Count, 1, 5);
        Assert.All(result.Ranked, t => Assert.True(t.Score > 0));
        Assert.Equal(result.Ranked.OrderByDescending(t => t.Score).Select(t => t.TopicId), result.Ranked.Select(t => t.TopicId));
        Assert.Equal(result.Ranked.Count, result.Ranked.Select(t => t.TopicId).Distinct().Count());
    }

    [Fact]
    public void TheTopicsOffered_AreTheFirstThreeAndAFourthOnlyWhenItScoresCloseToTheFirst()
    {
        var questions = ContentLibrary.Default.Topics.SelectMany(t => t.Fr.Examples.Take(4).Select(e => (e, Language.Fr)).Concat(t.En.Examples.Take(4).Select(e => (e, Language.En))))
            .Concat([("commentaires sur la page", Language.Fr), ("photos on our page", Language.En), ("a resident and her phone", Language.En)]);
        var fourth = 0;
        foreach (var (text, language) in questions)
        {
            var result = Matcher.Match(text, language);
            var best = result.Ranked.Count > 0 ? result.Ranked[0].Score : 0;
            var close = result.Ranked.Count > 3 && result.Ranked[3].Score >= 0.4 * best;

            Assert.Equal(Math.Min(result.Ranked.Count, close ? 4 : 3), result.Offered);
            if (close) fourth++;
        }
        Assert.True(fourth > 0, "no question had a close fourth topic");
    }

    [Fact]
    public void APastedWallOfText_IsHandled()
    {
        var wall = string.Concat(Enumerable.Repeat("Quelqu'un a publié l'adresse d'une femme dans un commentaire. ", 2000));

        var result = Matcher.Match(wall, Language.Fr);

        Assert.Equal("unacceptable-content", result.Best?.TopicId);
    }
}
