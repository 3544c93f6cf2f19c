using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The question is searched in the language it is written in; short or neutral text follows the user's locale.</summary>
[Trait("Category", "Fast")]
public sealed class QuestionLanguageTests
{
    [Theory]
    [InlineData("Quelqu'un a publié l'adresse d'une femme dans un commentaire")]
    [InlineData("Une résidente veut m'ajouter sur Facebook, je fais quoi?")]
    [InlineData("Est-ce qu’on peut publier la photo de notre équipe?")]
    [InlineData("Une femme nous écrit en DM pour avoir une place ce soir")]
    public void AFrenchQuestionFromAnEnglishLocale_IsSearchedInFrench(string question)
    {
        var result = SharedMatching.Matcher(ContentLibrary.Default).Match(question, Languages.FromLocale("en-US"));

        Assert.Equal(Language.Fr, result.Language);
    }

    [Theory]
    [InlineData("Someone posted a woman's address in a comment on our page")]
    [InlineData("A resident wants to add me on Facebook, what do I do?")]
    [InlineData("Can we post a photo of our team?")]
    [InlineData("A woman DMed us asking for a bed tonight")]
    public void AnEnglishQuestionFromAFrenchLocale_IsSearchedInEnglish(string question)
    {
        var result = SharedMatching.Matcher(ContentLibrary.Default).Match(question, Languages.FromLocale("fr-CA"));

        Assert.Equal(Language.En, result.Language);
    }

    [Theory]
    [InlineData("DM")]
    [InlineData("Messenger?")]
    [InlineData("troll")]
    [InlineData("selfie story")]
    [InlineData("photo")]
    [InlineData("TikTok Instagram")]
    public void ShortOrNeutralText_FollowsTheLocale(string text)
    {
        Assert.Equal(Language.Fr, SharedMatching.Matcher(ContentLibrary.Default).Match(text, Languages.FromLocale("fr-CA")).Language);
        Assert.Equal(Language.En, SharedMatching.Matcher(ContentLibrary.Default).Match(text, Languages.FromLocale("en-CA")).Language);
    }

    [Theory]
    [InlineData("spyware installed phone abusive ex-partner", "fr-CA", Language.En)]
    [InlineData("hateful comments flooding Instagram posts", "fr-CA", Language.En)]
    [InlineData("logiciel espion installé cellulaire ex-conjoint", "en-CA", Language.Fr)]
    [InlineData("commentaires haineux publication Instagram", "en-CA", Language.Fr)]
    public void WithoutFunctionWords_TheContentWordsDecide(string text, string locale, Language expected)
    {
        var result = SharedMatching.Matcher(ContentLibrary.Default).Match(text, Languages.FromLocale(locale));

        Assert.Equal(expected, result.Language);
        Assert.NotEqual(MatchConfidence.None, result.Confidence);
    }

    [Fact]
    public void ASingleFunctionWord_DoesNotOverturnTheLocale()
    {
        Assert.Equal(Language.Fr, QuestionLanguage.Detect("the troll", Language.Fr));
        Assert.Equal(Language.En, QuestionLanguage.Detect("le troll", Language.En));
    }

    [Fact]
    public void ElisionAndAccents_CountAsFrenchEvidence()
    {
        Assert.Equal(Language.Fr, QuestionLanguage.Detect("l'adresse publiée", Language.En));
        Assert.Equal(Language.Fr, QuestionLanguage.Detect("l’adresse d’une résidente", Language.En));
    }

    [Fact]
    public void AMixedQuestion_GoesWithTheLanguageThatCarriesIt()
    {
        // English platform words in a French sentence.
        Assert.Equal(Language.Fr, QuestionLanguage.Detect("Une résidente a posté une story avec le selfie de la maison", Language.En));
        // French loanwords in an English sentence.
        Assert.Equal(Language.En, QuestionLanguage.Detect("Is the résumé of our intervenante on the page okay?", Language.Fr));
    }
}
