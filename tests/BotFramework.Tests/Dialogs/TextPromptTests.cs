using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class TextPromptTests
{
    /// <summary>A bot whose only dialog asks for a name with <paramref name="prompt"/> and says what it got.</summary>
    private static DialogTestHarness AskName(TextPrompt prompt, Activity? retryPrompt = null) => new("ask",
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
    public async Task Asks_expecting_input_and_ends_with_the_trimmed_text()
    {
        var bot = AskName(new TextPrompt("name"));

        var asked = await bot.SendAsync("hi");
        Assert.Equal(["What is your name?"], asked.Texts);
        Assert.Equal(InputHints.ExpectingInput, asked.Activities[0].InputHint);
        Assert.Equal("user1", asked.Activities[0].Recipient?.Id);

        Assert.Equal(["Got 'Ana Lima'."], (await bot.SendAsync("  Ana Lima ")).Texts);
        Assert.Equal("Ana Lima", bot.LastResult!.Result);
    }

    [Fact]
    public async Task An_invalid_answer_gets_the_retry_prompt_until_the_validator_accepts()
    {
        var bot = AskName(new TextPrompt("name", AtLeastTwoLetters), Activity.CreateMessage("Please type at least two letters."));
        await bot.SendAsync("hi");

        Assert.Equal(["Please type at least two letters."], (await bot.SendAsync("A")).Texts);
        Assert.Equal(["Please type at least two letters."], (await bot.SendAsync("B")).Texts);
        Assert.Equal(["Got 'Bo'."], (await bot.SendAsync("Bo")).Texts);
    }

    [Fact]
    public async Task Without_a_retry_prompt_the_prompt_is_asked_again()
    {
        var bot = AskName(new TextPrompt("name", AtLeastTwoLetters));
        await bot.SendAsync("hi");

        var retry = await bot.SendAsync("A");

        Assert.Equal(["What is your name?"], retry.Texts);
        Assert.Equal(InputHints.ExpectingInput, retry.Activities[0].InputHint);
    }

    [Fact]
    public async Task A_validator_that_rejects_then_accepts_sees_the_attempt_count_and_the_recognised_text()
    {
        var seen = new List<string>();
        var bot = AskName(new TextPrompt("name", (prompt, ct) =>
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
    public async Task A_validator_that_answers_itself_replaces_the_retry_prompt()
    {
        var bot = AskName(new TextPrompt("name", async (prompt, ct) =>
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
    public async Task A_card_submit_has_no_text_so_it_is_not_an_answer()
    {
        var bot = AskName(new TextPrompt("name"), Activity.CreateMessage("Please type your name."));
        await bot.SendAsync("hi");

        Assert.Equal(["Please type your name."], (await bot.SubmitAsync(new { verb = "other" })).Texts);
        Assert.Equal(["Got 'Ana'."], (await bot.SendAsync("Ana")).Texts);
    }

    [Fact]
    public async Task Activities_other_than_messages_are_ignored_while_waiting()
    {
        var bot = AskName(new TextPrompt("name"));
        await bot.SendAsync("hi");

        var update = await bot.ProcessAsync(new Activity { Type = ActivityTypes.ConversationUpdate });

        Assert.Empty(update.Activities);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
        Assert.Contains("\"attemptCount\":0", bot.State.Json);
        Assert.Equal(["Got 'Ana'."], (await bot.SendAsync("Ana")).Texts);
    }

    [Fact]
    public async Task The_prompt_options_survive_storage_including_cards_and_validation_data()
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
            new TextPrompt("name", (prompt, ct) => Task.FromResult(prompt.Recognized.Value!.Length >= (int)prompt.Options.Validations!["minLength"]!)));
        await bot.SendAsync("hi");

        var retry = await bot.SendAsync("Al");

        Assert.Equal("Name?", retry.Activities[0].Text);
        var attachment = Assert.Single(retry.Activities[0].Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Name?"}]}""", BotJson.Serialize(attachment.Content));
        await bot.SendAsync("Alba");
        Assert.Equal("Alba", bot.LastResult!.Result);
    }
}
