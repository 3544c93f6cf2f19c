using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// Words staff use interchangeably (Content/synonyms.json), accents, elision and apostrophes make no
/// difference to what the matcher finds.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SynonymAndSpellingTests
{
    private static readonly TopicMatcher Matcher = SharedMatching.Matcher(ContentLibrary.Default);
    private static readonly Lazy<TopicMatcher> WithoutSpelling = new(() => new TopicMatcher(ContentLibrary.Default, TopicMatcherSettings.Default with { CorrectSpelling = false }));

    [Theory]
    [InlineData("Une femme nous a écrit par {0} pour avoir une place ce soir, je lui réponds là?")]
    [InlineData("Peut-on offrir du soutien à une survivante par {0}?")]
    public void Private_message_words_reach_the_same_topic_in_French(string template)
    {
        var spelledOut = Matcher.Match(string.Format(template, "message privé"), Language.Fr);
        Assert.Equal("survivor-seeks-support-online", spelledOut.Best?.TopicId);
        foreach (var word in new[] { "DM", "MP", "Messenger", "inbox", "boîte de réception", "la messagerie" })
        {
            var result = Matcher.Match(string.Format(template, word), Language.Fr);
            Assert.Equal(spelledOut.Best?.TopicId, result.Best?.TopicId);
        }
    }

    [Theory]
    [InlineData("A woman reached out by {0} asking for a bed tonight, can I answer her there?")]
    [InlineData("Can we give a survivor support over {0}?")]
    public void Private_message_words_reach_the_same_topic_in_English(string template)
    {
        var spelledOut = Matcher.Match(string.Format(template, "private message"), Language.En);
        Assert.Equal("survivor-seeks-support-online", spelledOut.Best?.TopicId);
        foreach (var word in new[] { "DM", "PM", "Messenger", "inbox", "direct message" })
        {
            var result = Matcher.Match(string.Format(template, word), Language.En);
            Assert.Equal(spelledOut.Best?.TopicId, result.Best?.TopicId);
        }
    }

    [Fact]
    public void Synonyms_BecomeTheSameTerm()
    {
        var dm = Matcher.Terms("DM", Language.Fr);
        Assert.Single(dm);
        Assert.Equal(dm, Matcher.Terms("message privé", Language.Fr));
        Assert.Equal(dm, Matcher.Terms("boîte de réception", Language.Fr));
        Assert.Equal(dm, Matcher.Terms("Messenger", Language.Fr));
        Assert.Equal(Matcher.Terms("inbox", Language.En), Matcher.Terms("private messages", Language.En));
        Assert.Equal(Matcher.Terms("ex-conjoint", Language.Fr), Matcher.Terms("agresseur", Language.Fr));
        Assert.Equal(Matcher.Terms("abuser", Language.En), Matcher.Terms("ex", Language.En));
    }

    [Theory]
    [InlineData(Language.Fr, "Un troll inonde notre page de commentaires, on fait quoi?", "Quelqu'un inonde notre page de commentaires haineux, on fait quoi?")]
    // English without "flooding" since a23 and a24 were learnt: being flooded with trolls or hateful comments is how five
    // learnt sets ask about moderation capacity (a11, a13, a16, a19, a20), and the hateful variant got moderation capacity
    // first (16.15 against unacceptable content 15.51) while the troll one kept unacceptable content (22.75).
    [InlineData(Language.En, "A troll keeps leaving comments on our page, what do we do?", "Someone keeps leaving hateful comments on our page, what do we do?")]
    public void ATroll_IsAHatefulCommenter(Language language, string troll, string hateful)
    {
        var a = Matcher.Match(troll, language);
        var b = Matcher.Match(hateful, language);

        Assert.Equal("unacceptable-content", a.Best?.TopicId);
        Assert.Equal(a.Best?.TopicId, b.Best?.TopicId);
    }

    [Theory]
    [InlineData(Language.Fr, "Son {0} a installé un logiciel espion sur son cellulaire, vers où la diriger?", new[] { "ex-conjoint", "agresseur", "ex", "conjoint violent" })]
    [InlineData(Language.En, "Her {0} put spyware on her phone, where can I refer her?", new[] { "ex", "abuser", "abusive partner", "ex-partner" })]
    public void The_abuser_has_many_names(Language language, string template, string[] names)
    {
        var expected = Matcher.Match(string.Format(template, names[0]), language);
        Assert.Equal("tech-facilitated-violence-help", expected.Best?.TopicId);
        foreach (var name in names.Skip(1))
        {
            var result = Matcher.Match(string.Format(template, name), language);
            Assert.Equal(expected.Ranked, result.Ranked);
        }
    }

    [Theory]
    [InlineData("Quelqu'un a publié l'adresse d'une femme dans un commentaire", "Quelqu'un a publié adresse d'une femme dans un commentaire")]
    [InlineData("Quelqu'un a publié l'adresse d'une femme dans un commentaire", "Quelqu’un a publié l’adresse d’une femme dans un commentaire")]
    [InlineData("Quelqu'un a écrit l'adresse d'une résidente", "quelqu'un a ecrit l'adresse d'une residente")]
    [InlineData("Une employée a été identifiée sur une photo", "UNE EMPLOYEE A ETE IDENTIFIEE SUR UNE PHOTO")]
    [InlineData("Est-ce qu'on peut publier la vidéo?", "Est-ce qu on peut publier la video")]
    public void AccentsElisionApostrophesAndCase_MakeNoDifferenceInFrench(string a, string b)
    {
        Assert.Equal(Matcher.Terms(a, Language.Fr), Matcher.Terms(b, Language.Fr));
        Assert.Equal(Matcher.Match(a, Language.Fr).Ranked, Matcher.Match(b, Language.Fr).Ranked);
    }

    [Theory]
    [InlineData("Someone posted a woman's address in a comment", "Someone posted a woman’s address in a comment")]
    [InlineData("Someone posted a woman's address in a comment", "someone posted a womans address in a comment")]
    [InlineData("Can we post the residents' photos?", "can we post the resident photo")]
    public void PossessivesApostrophesPluralsAndCase_MakeNoDifferenceInEnglish(string a, string b)
    {
        Assert.Equal(Matcher.Terms(a, Language.En), Matcher.Terms(b, Language.En));
        Assert.Equal(Matcher.Match(a, Language.En).Ranked, Matcher.Match(b, Language.En).Ranked);
    }

    [Theory]
    [InlineData(Language.En, "frend request from a resident", "friend request from a resident")]
    [InlineData(Language.En, "stalkerwear on her phone", "stalkerware on her phone")]
    [InlineData(Language.En, "moderaton at night", "moderation at night")]
    [InlineData(Language.En, "testimonail on our page", "testimonial on our page")]
    [InlineData(Language.En, "spywrae on her phone", "spyware on her phone")]
    [InlineData(Language.Fr, "témoigange sur notre page", "témoignage sur notre page")]
    [InlineData(Language.Fr, "modératon le soir", "modération le soir")]
    [InlineData(Language.Fr, "harcèlemnt en ligne", "harcèlement en ligne")]
    public void ASlipOfOneLetter_FindsTheSameTopic(Language language, string slipped, string spelled)
    {
        var meant = Matcher.Match(spelled, language);
        var typed = Matcher.Match(slipped, language);
        var uncorrected = WithoutSpelling.Value.Match(slipped, language);

        Assert.NotNull(meant.Best);
        Assert.Equal((meant.Best.TopicId, meant.Confidence), (typed.Best?.TopicId, typed.Confidence));
        // The slip matters: without the correction the answer is not the same.
        Assert.NotEqual((meant.Best.TopicId, meant.Confidence), (uncorrected.Best?.TopicId, uncorrected.Confidence));
    }

    [Theory]
    [InlineData(Language.En, "xkcd blorp zzzzz")]
    [InlineData(Language.Fr, "asdfg qwerty")]
    public void Gibberish_IsNotCorrectedIntoATopic(Language language, string text)
    {
        Assert.Equal(MatchConfidence.None, Matcher.Match(text, language).Confidence);
    }

    [Fact]
    public void PluralsAndInflections_ShareAStem()
    {
        Assert.Equal(Matcher.Terms("commentaire", Language.Fr), Matcher.Terms("commentaires", Language.Fr));
        Assert.Equal(Matcher.Terms("harcèlement", Language.Fr), Matcher.Terms("harcelée", Language.Fr));
        Assert.Equal(Matcher.Terms("comment", Language.En), Matcher.Terms("comments", Language.En));
        Assert.Equal(Matcher.Terms("harassed", Language.En), Matcher.Terms("harassment", Language.En));
    }
}
