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
    public void Recognises_titles_synonyms_positions_and_words(string text, string expected)
    {
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, Answers)?.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("peut-être")]
    [InlineData("7")]
    public void Returns_null_when_nothing_fits(string? text)
    {
        Assert.Null(ChoiceRecognizer.Recognize(text, Answers));
    }

    [Fact]
    public void A_title_equal_to_a_number_wins_over_the_position()
    {
        List<Choice> years = [new("y2025", "2025"), new("y2", "2")];

        Assert.Equal(new FoundChoice("y2", 1, 1.0), ChoiceRecognizer.Recognize("2", years));
        Assert.Equal(new FoundChoice("y2025", 0, 1.0), ChoiceRecognizer.Recognize("1", years));
    }

    [Fact]
    public void The_fuzzy_score_is_the_share_of_the_title_the_words_cover()
    {
        List<Choice> rooms = [new("a", "Salle de réunion principale"), new("b", "Cafétéria")];

        Assert.Equal(new FoundChoice("a", 0, 0.333), ChoiceRecognizer.Recognize("réunion", rooms));
        Assert.Equal(new FoundChoice("a", 0, 0.667), ChoiceRecognizer.Recognize("la salle de réunion", rooms));
    }

    [Fact]
    public void A_card_submit_is_matched_on_the_value_only()
    {
        var submit = JsonSerializer.SerializeToElement(new { choice = "LATER" });
        var byTitle = JsonSerializer.SerializeToElement(new { choice = "Plus tard" });

        Assert.Equal(new FoundChoice("later", 2, 1.0), ChoiceRecognizer.RecognizeSubmit(submit, Answers));
        Assert.Null(ChoiceRecognizer.RecognizeSubmit(byTitle, Answers));
        Assert.Null(ChoiceRecognizer.RecognizeSubmit(JsonSerializer.SerializeToElement(new { choice = 1 }), Answers));
    }

    [Fact]
    public void A_message_is_recognised_by_its_submit_data_first_then_its_text()
    {
        var submit = new Activity { Type = ActivityTypes.Message, Value = BotJson.ToElement(new { choice = "no" }) };
        var both = new Activity { Type = ActivityTypes.Message, Text = "oui", Value = BotJson.ToElement(new { choice = "no" }) };
        var otherData = new Activity { Type = ActivityTypes.Message, Text = "oui", Value = BotJson.ToElement(new { verb = "x" }) };

        Assert.Equal("no", ChoiceRecognizer.Recognize(submit, Answers)?.Value);
        Assert.Equal("no", ChoiceRecognizer.Recognize(both, Answers)?.Value);
        Assert.Equal("yes", ChoiceRecognizer.Recognize(otherData, Answers)?.Value);
    }
}
