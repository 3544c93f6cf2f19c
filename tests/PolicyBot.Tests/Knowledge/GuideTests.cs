using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The guide travels with the content, and source excerpts are checked against it word for word.</summary>
[Trait("Category", "Fast")]
public sealed class GuideTests
{
    private static readonly Guide Guide = ContentLibrary.Default.Guide;

    [Fact]
    public void ShippedGuide_IsTheFileInTheRepository()
    {
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "social-media-policy-guide.fr.txt"));
        Assert.Equal(file, Guide.Text);
        Assert.Contains("Adapté pour le Canada avec l’autorisation du Safety Net Project du NNEDV", Guide.Text);
    }

    [Theory]
    [InlineData("Les maisons d'hébergement doivent créer des politiques")]
    [InlineData("Les maisons d’hébergement   doivent\ncréer des politiques")]
    [InlineData("vous pouvez désactiver cette fonction ou adopter une politique peu contraignante")]
    public void Excerpt_FoundWithApostrophesAndWhitespaceNormalised(string excerpt) =>
        Assert.Null(Guide.Problem(excerpt));

    [Theory]
    [InlineData("Les maisons doivent créer des politiques", "is not in the guide")]
    [InlineData("Les maisons d'hébergement doivent", "has fewer than 5 words")]
    [InlineData("   ", "is empty")]
    [InlineData("les maisons d'hébergement doivent créer des politiques", "is not in the guide")]
    public void Excerpt_ThatIsNotVerbatimOrTooShort_IsRefused(string excerpt, string problem) =>
        Assert.Equal(problem, Guide.Problem(excerpt));
}
