using System.Text.Json;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class ChoiceRecognizerTests
{
    private static readonly List<Choice> Answers =
    [
        new("yes", "Oui"),
        new("no", "Non"),
        new("later", "Plus tard", "pas maintenant", "demain"),
    ];

    [Theory]
    [InlineData("Oui", "yes")]
    [InlineData("oui.", "yes")]
    [InlineData("OUI", "yes")]
    [InlineData("  oui  !!", "yes")]
    [InlineData("plus-tard", "later")]
    [InlineData("Pas maintenant", "later")]
    [InlineData("2", "no")]
    [InlineData("dernier", "later")]
    [InlineData("demain matin", "later")]
    public void ChoiceRecognizer_RecognisesTitlesSynonymsPositionsAndWords(string text, string expected)
    {
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Answers)?.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("peut-être")]
    [InlineData("7")]
    public void WhenNothingFits_ReturnsNull(string? text)
    {
        Assert.Null(ChoiceRecognizer.Recognize(text, Answers));
    }

    [Fact]
    public void ATitleEqualToANumber_WinsOverThePosition()
    {
        List<Choice> years = [new("y2025", "2025"), new("y2", "2")];

        Assert.Equal(new FoundChoice("y2", 1, 1.0), ChoiceRecognizer.Recognize("2", years));
        Assert.Equal(new FoundChoice("y2025", 0, 1.0), ChoiceRecognizer.Recognize("1", years));
    }

    [Fact]
    public void TheFuzzyScore_IsTheShareOfTheTitleTheWordsCover()
    {
        List<Choice> rooms = [new("a", "Salle de réunion principale"), new("b", "Cafétéria")];

        Assert.Equal(new FoundChoice("a", 0, 0.333), ChoiceRecognizer.Recognize("réunion", rooms));
        Assert.Equal(new FoundChoice("a", 0, 0.667), ChoiceRecognizer.Recognize("la salle de réunion", rooms));
    }

    [Fact]
    public void ACardSubmit_IsMatchedOnTheValueOnly()
    {
        var submit = JsonSerializer.SerializeToElement(new { choice = "LATER" });
        var byTitle = JsonSerializer.SerializeToElement(new { choice = "Plus tard" });

        Assert.Equal(new FoundChoice("later", 2, 1.0), ChoiceRecognizer.RecognizeSubmit(submit, Answers));
        Assert.Null(ChoiceRecognizer.RecognizeSubmit(byTitle, Answers));
        Assert.Null(ChoiceRecognizer.RecognizeSubmit(JsonSerializer.SerializeToElement(new { choice = 1 }), Answers));
    }

    [Fact]
    public void AMessage_IsRecognisedByItsSubmitDataFirstThenItsText()
    {
        var submit = new Activity { Type = ActivityTypes.Message, Value = WireJson.ToElement(new { choice = "no" }) };
        var both = new Activity { Type = ActivityTypes.Message, Text = "oui", Value = WireJson.ToElement(new { choice = "no" }) };
        var otherData = new Activity { Type = ActivityTypes.Message, Text = "oui", Value = WireJson.ToElement(new { verb = "x" }) };

        Assert.Equal("no", ChoiceRecognizer.Recognize(submit, Answers)?.Value);
        Assert.Equal("no", ChoiceRecognizer.Recognize(both, Answers)?.Value);
        Assert.Equal("yes", ChoiceRecognizer.Recognize(otherData, Answers)?.Value);
    }
}
