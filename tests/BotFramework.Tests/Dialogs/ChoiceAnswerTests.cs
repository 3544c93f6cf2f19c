using System.Text.Json;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

/// <summary>
/// How a message answers a choice question, as the bot's dialogs read it (<see cref="ChoiceRecognizer.Recognize(Activity, IReadOnlyList{Choice})"/>):
/// a card button, a number, a title or value, a synonym, an ordinal word, or some of the words of one choice.
/// Each answer is shown as "value #index (score)".
/// </summary>
[Trait("Category", "Fast")]
public class ChoiceAnswerTests
{
    private static readonly List<Choice> Severities =
    [
        new("high", "Élevé", "urgent", "critique"),
        new("medium", "Moyen"),
        new("low", "Faible", "mineur"),
    ];

    private static readonly List<Choice> Topics =
    [
        new("security", "Politique de sécurité"),
        new("privacy", "Politique de confidentialité"),
        new("remote", "Télétravail", "travail à distance"),
    ];

    private static string? Typed(string text, List<Choice> choices) =>
        Shown(ChoiceRecognizer.Recognize(Activity.CreateMessage(text), choices));

    private static string? Clicked(object data, List<Choice> choices) =>
        Shown(ChoiceRecognizer.Recognize(new Activity { Type = ActivityTypes.Message, Value = JsonSerializer.SerializeToElement(data, BotJson.Options) }, choices));

    private static string? Shown(FoundChoice? found) => found is null ? null : $"{found.Value} #{found.Index} ({found.Score})";

    [Theory]
    [InlineData("low", "low #2 (1)")]
    [InlineData("MEDIUM", "medium #1 (1)")]
    public void ACardButton_AnswersWithItsChoiceValue(string submitted, string expected)
    {
        Assert.Equal(expected, Clicked(new { choice = submitted }, Severities));
    }

    [Fact]
    public void ACardSubmitNamingNoChoice_IsNoAnswer()
    {
        Assert.Null(Clicked(new { choice = "extreme" }, Severities));
        Assert.Null(Clicked(new { verb = "other" }, Severities));
        Assert.Equal("high #0 (1)", Clicked(new { choice = "high" }, Severities));
    }

    [Theory]
    [InlineData("2", "medium #1 (1)")]
    [InlineData("#3", "low #2 (1)")]
    [InlineData("1.", "high #0 (1)")]
    [InlineData("option 2", "medium #1 (1)")]
    [InlineData("n° 3", "low #2 (1)")]
    public void ANumber_PicksTheChoiceAtThatPosition(string typed, string expected)
    {
        Assert.Equal(expected, Typed(typed, Severities));
    }

    [Theory]
    [InlineData("Élevé")]
    [InlineData("ÉLEVÉ")]
    [InlineData("eleve")]
    [InlineData("  élevé !")]
    [InlineData("high")]
    public void TheTitleOrValue_MatchesWhateverTheCaseAccentsAndPunctuation(string typed)
    {
        Assert.Equal("high #0 (1)", Typed(typed, Severities));
    }

    [Theory]
    [InlineData("Urgent", "high #0 (1)")]
    [InlineData("critique.", "high #0 (1)")]
    [InlineData("MINEUR", "low #2 (1)")]
    public void ASynonym_PicksItsChoice(string typed, string expected)
    {
        Assert.Equal(expected, Typed(typed, Severities));
    }

    [Theory]
    [InlineData("la deuxième", "medium #1 (1)")]
    [InlineData("le premier", "high #0 (1)")]
    [InlineData("Troisième", "low #2 (1)")]
    [InlineData("la dernière", "low #2 (1)")]
    [InlineData("the second one", "medium #1 (1)")]
    [InlineData("first", "high #0 (1)")]
    [InlineData("last", "low #2 (1)")]
    [InlineData("2e", "medium #1 (1)")]
    [InlineData("3rd", "low #2 (1)")]
    public void AnOrdinalWordInFrenchOrEnglish_PicksTheChoice(string typed, string expected)
    {
        Assert.Equal(expected, Typed(typed, Severities));
    }

    [Theory]
    [InlineData("sécurité", "security #0 (0.5)")]
    [InlineData("confidentialite", "privacy #1 (0.5)")]
    [InlineData("la politique de sécurité svp", "security #0 (1)")]
    [InlineData("je voudrais la politique de confidentialité", "privacy #1 (1)")]
    [InlineData("à distance", "remote #2 (0.5)")]
    public void SomeOfTheWordsOfOneChoice_PickIt(string typed, string expected)
    {
        Assert.Equal(expected, Typed(typed, Topics));
    }

    [Theory]
    [InlineData("politique")]
    [InlineData("les politiques")]
    public void WordsThatFitTwoChoicesEqually_AreAmbiguous_SoNoAnswer(string typed)
    {
        Assert.Null(Typed(typed, Topics));
    }

    [Theory]
    [InlineData("banane")]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("cinquième")]
    [InlineData("...")]
    public void AnAnswerThatIsNoChoice_IsNoAnswer(string typed)
    {
        Assert.Null(Typed(typed, Severities));
        Assert.Equal("medium #1 (1)", Typed("moyen", Severities));
    }

    [Fact]
    public void TheResult_IsAFoundChoiceWithValueIndexAndScore()
    {
        Assert.Equal(new FoundChoice("low", 2, 1.0), ChoiceRecognizer.Recognize(Activity.CreateMessage("faible"), Severities));
    }
}
