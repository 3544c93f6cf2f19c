using BotFramework.Text;

namespace BotFramework.Tests.Text;

[Trait("Category", "Fast")]
public sealed class TextNormalizerTests
{
    private const TextFolding Command = TextFolding.Apostrophes | TextFolding.Case | TextFolding.Accents | TextFolding.Spaces | TextFolding.EndPunctuation;
    private const TextFolding Title = TextFolding.Apostrophes | TextFolding.Case | TextFolding.Accents | TextFolding.Punctuation | TextFolding.KeepHyphens;

    [Theory]
    [InlineData("  Oublie-MOI !! ", "oublie-moi")]
    [InlineData("Qu’est-ce que tu gardes", "qu'est-ce que tu gardes")]
    [InlineData("qu´est-ce que tu gardes?", "qu'est-ce que tu gardes?")]
    [InlineData("ce que\ttu  gardes\u00A0sur moi.", "ce que tu gardes sur moi")]
    [InlineData("Français", "francais")]
    [InlineData("...", "")]
    public void ACommand_KeepsItsPunctuationButNotCaseAccentsSpacesOrEndMarks(string typed, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(typed, Command));

    [Theory]
    [InlineData("Contrôle et surveillance des médias sociaux", "controle et surveillance des medias sociaux")]
    [InlineData("L’utilisation des médias sociaux : par le personnel", "l utilisation des medias sociaux par le personnel")]
    [InlineData("staff-personal-accounts", "staff-personal-accounts")]
    [InlineData("Œuvre, SŒUR", "oeuvre soeur")]
    public void ATitle_KeepsHyphensAndSeparatesWordsAtOtherPunctuation(string typed, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(typed, Title));

    [Fact]
    public void AnExcerpt_FoldsOnlyApostrophesAndSpaces()
    {
        Assert.Equal("l'adresse d'une Femme, à l'écran", TextNormalizer.Normalize(" l’adresse d‘une\n Femme,   à lʼécran ", TextFolding.Apostrophes | TextFolding.Spaces));
    }

    [Fact]
    public void CaseAlone_LeavesAccentsAndApostrophes() =>
        Assert.Equal("où ça, l’été", TextNormalizer.Normalize("OÙ ÇA, L’ÉTÉ", TextFolding.Case));

    [Fact]
    public void Words_SplitAtEveryMarkThatIsNotALetterOrADigit() =>
        Assert.Equal(["l", "oeuvre", "d", "une", "vie", "2e", "etage", "strasse"], TextNormalizer.Words("L’œuvre d'une vie — 2e étage, Straße!"));

    [Fact]
    public void NothingAndNull_AreEmpty()
    {
        Assert.Equal("", TextNormalizer.Normalize(null, Command));
        Assert.Equal("", TextNormalizer.Normalize("   ", Title));
    }

    [Fact]
    public void EveryApostropheListed_IsReadAsOne()
    {
        foreach (var apostrophe in TextNormalizer.Apostrophes)
        {
            Assert.Equal("j'ai", TextNormalizer.Normalize($"j{apostrophe}ai", TextFolding.Apostrophes));
        }
    }
}
