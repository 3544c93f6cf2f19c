using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class ChoicePromptTests
{
    private static List<Choice> Severities() =>
    [
        new("high", "Élevé", "urgent", "critique"),
        new("medium", "Moyen"),
        new("low", "Faible", "mineur"),
    ];

    private static List<Choice> Topics() =>
    [
        new("security", "Politique de sécurité"),
        new("privacy", "Politique de confidentialité"),
        new("remote", "Télétravail", "travail à distance"),
    ];

    private const string SeverityQuestion = "Quelle est la gravité ?\n\n1. Élevé\n2. Moyen\n3. Faible";
    private const string SeverityRetry = "Répondez par 1, 2 ou 3.\n\n1. Élevé\n2. Moyen\n3. Faible";

    /// <summary>A bot asking one choice question (retry text given) and echoing the FoundChoice.</summary>
    private static DialogTestHarness Ask(List<Choice> choices, string question = "Quelle est la gravité ?", List<Attachment>? attachments = null) => new("ask",
        new WaterfallDialog("ask",
        [
            (step, ct) => step.PromptAsync("choice", new PromptOptions
            {
                Prompt = new Activity { Type = ActivityTypes.Message, Text = question, Attachments = attachments },
                RetryPrompt = Activity.CreateMessage("Répondez par 1, 2 ou 3."),
                Choices = choices,
            }, ct),
            async (step, ct) =>
            {
                var found = (FoundChoice)step.Result!;
                await step.Context.SendActivityAsync($"{found.Value} #{found.Index} ({found.Score})", ct);
                return await step.EndDialogAsync(found, ct);
            },
        ]),
        new ChoicePrompt("choice"));

    private static async Task<DialogTestHarness> AskedSeverity()
    {
        var bot = Ask(Severities());
        Assert.Equal([SeverityQuestion], (await bot.SendAsync("signaler")).Texts);
        return bot;
    }

    [Fact]
    public async Task WithoutACard_TheChoicesAreListedWithNumbersUnderTheQuestion()
    {
        var bot = Ask(Severities());

        var asked = await bot.SendAsync("signaler");

        Assert.Equal([SeverityQuestion], asked.Texts);
        Assert.Null(asked.Activities[0].Attachments);
        Assert.Equal(InputHints.ExpectingInput, asked.Activities[0].InputHint);
    }

    [Fact]
    public async Task WithTheBotsOwnCard_ThePromptIsSentAsIs()
    {
        var card = Attachment.AdaptiveCard(new { type = "AdaptiveCard", version = "1.5" });
        var bot = Ask(Severities(), attachments: [card]);

        var asked = await bot.SendAsync("signaler");

        Assert.Equal(["Quelle est la gravité ?"], asked.Texts);
        Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(asked.Activities[0].Attachments!).ContentType);
    }

    [Theory]
    [InlineData("low", "low #2 (1)")]
    [InlineData("MEDIUM", "medium #1 (1)")]
    public async Task ACardButton_AnswersWithItsChoiceValue(string submitted, string expected)
    {
        var bot = await AskedSeverity();

        Assert.Equal([expected], (await bot.SubmitAsync(new { choice = submitted })).Texts);
    }

    [Fact]
    public async Task ACardSubmitNamingNoChoice_GetsTheRetryPrompt()
    {
        var bot = await AskedSeverity();

        Assert.Equal([SeverityRetry], (await bot.SubmitAsync(new { choice = "extreme" })).Texts);
        Assert.Equal([SeverityRetry], (await bot.SubmitAsync(new { verb = "other" })).Texts);
        Assert.Equal(["high #0 (1)"], (await bot.SubmitAsync(new { choice = "high" })).Texts);
    }

    [Theory]
    [InlineData("2", "medium #1 (1)")]
    [InlineData("#3", "low #2 (1)")]
    [InlineData("1.", "high #0 (1)")]
    [InlineData("option 2", "medium #1 (1)")]
    [InlineData("n° 3", "low #2 (1)")]
    public async Task ANumber_PicksTheChoiceAtThatPosition(string typed, string expected)
    {
        var bot = await AskedSeverity();

        Assert.Equal([expected], (await bot.SendAsync(typed)).Texts);
    }

    [Theory]
    [InlineData("Élevé")]
    [InlineData("ÉLEVÉ")]
    [InlineData("eleve")]
    [InlineData("  élevé !")]
    [InlineData("high")]
    public async Task TheTitleOrValue_MatchesWhateverTheCaseAccentsAndPunctuation(string typed)
    {
        var bot = await AskedSeverity();

        Assert.Equal(["high #0 (1)"], (await bot.SendAsync(typed)).Texts);
    }

    [Theory]
    [InlineData("Urgent", "high #0 (1)")]
    [InlineData("critique.", "high #0 (1)")]
    [InlineData("MINEUR", "low #2 (1)")]
    public async Task ASynonym_PicksItsChoice(string typed, string expected)
    {
        var bot = await AskedSeverity();

        Assert.Equal([expected], (await bot.SendAsync(typed)).Texts);
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
    public async Task AnOrdinalWordInFrenchOrEnglish_PicksTheChoice(string typed, string expected)
    {
        var bot = await AskedSeverity();

        Assert.Equal([expected], (await bot.SendAsync(typed)).Texts);
    }

    [Theory]
    [InlineData("sécurité", "security #0 (0.5)")]
    [InlineData("confidentialite", "privacy #1 (0.5)")]
    [InlineData("la politique de sécurité svp", "security #0 (1)")]
    [InlineData("je voudrais la politique de confidentialité", "privacy #1 (1)")]
    [InlineData("à distance", "remote #2 (0.5)")]
    public async Task SomeOfTheWordsOfOneChoice_PickIt(string typed, string expected)
    {
        var bot = Ask(Topics(), "Quelle politique ?");
        await bot.SendAsync("politiques");

        Assert.Equal([expected], (await bot.SendAsync(typed)).Texts);
    }

    [Theory]
    [InlineData("politique")]
    [InlineData("les politiques")]
    public async Task WordsThatFitTwoChoicesEqually_AreAmbiguousAndAskedAgain(string typed)
    {
        var bot = Ask(Topics(), "Quelle politique ?");
        await bot.SendAsync("politiques");

        var retry = await bot.SendAsync(typed);

        Assert.Equal(["Répondez par 1, 2 ou 3.\n\n1. Politique de sécurité\n2. Politique de confidentialité\n3. Télétravail"], retry.Texts);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
    }

    [Theory]
    [InlineData("banane")]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("cinquième")]
    [InlineData("...")]
    public async Task AnAnswerThatIsNoChoice_GetsTheRetryPromptAndThePromptKeepsWaiting(string typed)
    {
        var bot = await AskedSeverity();

        Assert.Equal([SeverityRetry], (await bot.SendAsync(typed)).Texts);
        Assert.Equal(["medium #1 (1)"], (await bot.SendAsync("moyen")).Texts);
    }

    [Fact]
    public async Task TheResult_IsAFoundChoiceWithValueIndexAndScore()
    {
        var bot = await AskedSeverity();

        await bot.SendAsync("faible");

        Assert.Equal(new FoundChoice("low", 2, 1.0), bot.LastResult!.Result);
    }

    [Fact]
    public async Task APromptWithoutChoices_IsAProgrammingError()
    {
        var bot = Ask([]);

        await Assert.ThrowsAsync<ArgumentException>(() => bot.SendAsync("signaler"));
    }
}
