using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
/// <summary>
/// What every prompt does (<see cref="Prompt{T}"/>: asking, retrying, validators, waiting, options kept as JSON), through
/// <see cref="TestTextPrompt"/>, whose answer is simply the text typed.
/// </summary>
public class PromptTests
{
    /// <summary>A bot whose only dialog asks for a name with <paramref name="prompt"/> and says what it got.</summary>
    private static DialogTestHarness AskName(TestTextPrompt prompt, Activity? retryPrompt = null) => new("ask",
        new WaterfallDialog("ask",
        [
            (step, ct) => step.PromptAsync(prompt.Id, new PromptOptions
            {
                Prompt = Activity.CreateMessage("What is your name?"),
                RetryPrompt = retryPrompt,
            }, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Got '{step.Result}'.", ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]),
        prompt);

    private static readonly PromptValidator<string> AtLeastTwoLetters =
        (prompt, ct) => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value!.Length >= 2);

    [Fact]
    public async Task APrompt_AsksExpectingInput_AndEndsWithWhatItRecognised()
    {
        var bot = AskName(new TestTextPrompt("name"));

        var asked = await bot.SendAsync("hi");
        Assert.Equal(["What is your name?"], asked.Texts);
        Assert.Equal(InputHints.ExpectingInput, asked.Activities[0].InputHint);
        Assert.Equal("user1", asked.Activities[0].Recipient?.Id);

        Assert.Equal(["Got 'Ana Lima'."], (await bot.SendAsync("Ana Lima")).Texts);
        Assert.Equal("Ana Lima", bot.LastResult!.Result);
    }

    [Fact]
    public async Task AnInvalidAnswer_GetsTheRetryPromptUntilTheValidatorAccepts()
    {
        var bot = AskName(new TestTextPrompt("name", AtLeastTwoLetters), Activity.CreateMessage("Please type at least two letters."));
        await bot.SendAsync("hi");

        Assert.Equal(["Please type at least two letters."], (await bot.SendAsync("A")).Texts);
        Assert.Equal(["Please type at least two letters."], (await bot.SendAsync("B")).Texts);
        Assert.Equal(["Got 'Bo'."], (await bot.SendAsync("Bo")).Texts);
    }

    [Fact]
    public async Task WithoutARetryPrompt_ThePromptIsAskedAgain()
    {
        var bot = AskName(new TestTextPrompt("name", AtLeastTwoLetters));
        await bot.SendAsync("hi");

        var retry = await bot.SendAsync("A");

        Assert.Equal(["What is your name?"], retry.Texts);
        Assert.Equal(InputHints.ExpectingInput, retry.Activities[0].InputHint);
    }

    [Fact]
    public async Task AValidatorThatRejectsThenAccepts_SeesTheAttemptCountAndTheRecognisedText()
    {
        var seen = new List<string>();
        var bot = AskName(new TestTextPrompt("name", (prompt, ct) =>
        {
            seen.Add($"{prompt.AttemptCount}:{prompt.Recognized.Value}:{prompt.Options.Prompt?.Text}");
            return Task.FromResult(prompt.AttemptCount >= 2);
        }), Activity.CreateMessage("Sure? Type it again."));
        await bot.SendAsync("hi");

        Assert.Equal(["Sure? Type it again."], (await bot.SendAsync("Ana")).Texts);
        Assert.Equal(["Got 'Ana'."], (await bot.SendAsync("Ana")).Texts);
        Assert.Equal(["1:Ana:What is your name?", "2:Ana:What is your name?"], seen);
    }

    [Fact]
    public async Task AValidatorThatAnswersItself_ReplacesTheRetryPrompt()
    {
        var bot = AskName(new TestTextPrompt("name", async (prompt, ct) =>
        {
            if (prompt.Recognized.Value is "Bob") return true;
            await prompt.Context.SendActivityAsync($"'{prompt.Recognized.Value}' is not on the list.", ct);
            return false;
        }), Activity.CreateMessage("Retry prompt that must not be sent."));
        await bot.SendAsync("hi");

        Assert.Equal(["'Zed' is not on the list."], (await bot.SendAsync("Zed")).Texts);
        Assert.Equal(["Got 'Bob'."], (await bot.SendAsync("Bob")).Texts);
    }

    [Fact]
    public async Task ActivitiesOtherThanMessages_AreIgnoredWhileWaiting()
    {
        var bot = AskName(new TestTextPrompt("name"));
        await bot.SendAsync("hi");

        var update = await bot.ProcessAsync(new Activity { Type = ActivityTypes.ConversationUpdate });

        Assert.Empty(update.Activities);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
        Assert.Contains("\"attemptCount\":0", bot.State.Json);
        Assert.Equal(["Got 'Ana'."], (await bot.SendAsync("Ana")).Texts);
    }

    [Fact]
    public async Task ThePromptOptions_SurviveStorageIncludingCardsAndValidationData()
    {
        var card = Attachment.AdaptiveCard(new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "Name?" } } });
        var bot = new DialogTestHarness("ask",
            new WaterfallDialog("ask",
            [
                (step, ct) => step.PromptAsync("name", new PromptOptions
                {
                    Prompt = new Activity { Type = ActivityTypes.Message, Text = "Name?", Attachments = [card] },
                    Validations = new System.Text.Json.Nodes.JsonObject { ["minLength"] = 3 },
                }, ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]),
            new TestTextPrompt("name", (prompt, ct) => Task.FromResult(prompt.Recognized.Value!.Length >= (int)prompt.Options.Validations!["minLength"]!)));
        await bot.SendAsync("hi");

        var retry = await bot.SendAsync("Al");

        Assert.Equal("Name?", retry.Activities[0].Text);
        var attachment = Assert.Single(retry.Activities[0].Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Name?"}]}""", WireJson.Serialize(attachment.Content));
        await bot.SendAsync("Alba");
        Assert.Equal("Alba", bot.LastResult!.Result);
    }
}
