using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The built-in concept <c>~repeated</c>: a message that is one short phrase typed twice or more in a row, with at
/// most three other words (a room number, "now"). Invented messages.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ScopeRepeatedPhraseTests
{
    [Theory]
    [InlineData("en", "pelican pelican", 0, 2)]
    [InlineData("en", "blue door blue door blue door", 0, 6)]
    [InlineData("en", "kettle kettle room 12", 0, 2)]
    [InlineData("en", "room 12 kettle kettle", 2, 2)]
    [InlineData("fr", "le chat noir le chat noir", 0, 6)]
    [InlineData("fr", "il est là il est là vite", 0, 6)]
    public void APhraseTypedAgain_IsFound_WithWhereItIs(string lang, string text, int start, int length)
    {
        var words = new ScopeAnalyzer(Languages.Parse(lang)).Words(text);

        Assert.Equal((start, length), ScopeVocabulary.Repeated(words));
    }

    [Theory]
    [InlineData("en", "pelican")]
    [InlineData("en", "pelican kettle pelican")]                                 // not in a row
    [InlineData("en", "kettle kettle and then we talked about the page for a while")] // too many other words
    [InlineData("en", "can we post the same photo as the same photo last year")] // a repeat inside a question
    [InlineData("fr", "un deux trois quatre cinq six un deux trois quatre cinq six")] // a phrase longer than five words
    public void NoPhraseTypedAgain_IsNotFound(string lang, string text)
    {
        var words = new ScopeAnalyzer(Languages.Parse(lang)).Words(text);

        Assert.Null(ScopeVocabulary.Repeated(words));
    }
}
