using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class DialogContextTests
{
    private static DialogTestHarness ContinueOnly(params Dialog[] dialogs) => new(async (turnContext, state, ct) =>
    {
        var set = new DialogSet(state);
        foreach (var dialog in dialogs) set.Add(dialog);
        var dc = await set.CreateContextAsync(turnContext, ct);
        return await dc.ContinueDialogAsync(ct);
    });

    private static WaterfallDialog Echo(string id) => new(id,
    [
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync("Say something.", ct);
            return Dialog.EndOfTurn;
        },
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync($"You said {step.Result}.", ct);
            return await step.EndDialogAsync(step.Result, ct);
        },
    ]);

    [Fact]
    public async Task AStoredStackNamingARemovedDialog_IsClearedAndTheTurnIsEmpty()
    {
        var bot = ContinueOnly(Echo("echo"));
        bot.State.Json = """{"dialogStack":[{"id":"removedInLastDeploy","state":{"stepIndex":2}},{"id":"echo","state":{}}]}""";

        var replies = await bot.SendAsync("hello");

        Assert.Empty(replies.Activities);
        Assert.Equal(DialogTurnStatus.Empty, bot.LastResult!.Status);
        Assert.Equal("""{"dialogStack":[]}""", bot.State.Json);
    }

    [Fact]
    public async Task RunAsync_WithARemovedDialogOnTheStack_RestartsTheRootDialog()
    {
        var bot = new DialogTestHarness(Echo("echo"));
        bot.State.Json = """{"dialogStack":[{"id":"oldRoot","state":{}}]}""";

        Assert.Equal(["Say something."], (await bot.SendAsync("hello")).Texts);
        Assert.Equal(["echo"], bot.StoredState.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public async Task ADialogEndingIntoARemovedParent_ClearsTheStack()
    {
        var bot = new DialogTestHarness("echo", Echo("echo"), new TestTextPrompt("name"));
        bot.State.Json = """{"dialogStack":[{"id":"name","state":{"options":{"prompt":{"type":"message","text":"Name?"}},"attemptCount":0}},{"id":"removed","state":{}}]}""";

        var replies = await bot.SendAsync("Ana");

        Assert.Equal(["Say something."], replies.Texts);
        Assert.Equal(["echo"], bot.StoredState.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public async Task BeginningADialogThatWasNeverAdded_IsAProgrammingError()
    {
        var bot = new DialogTestHarness(new WaterfallDialog("root", [(step, ct) => step.BeginDialogAsync("missing", null, ct)]));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bot.SendAsync("hi"));
        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public void TwoDifferentDialogsWithOneId_CannotShareASet()
    {
        var prompt = new TestTextPrompt("name");
        var set = new DialogSet().Add(prompt).Add(prompt);

        Assert.Same(prompt, set.Find("name"));
        Assert.Throws<InvalidOperationException>(() => set.Add(new TestTextPrompt("name")));
    }

    [Fact]
    public async Task CancelAllDialogsAsync_EndsEveryDialogTopFirstAndReportsCancelled()
    {
        var ended = new List<string>();
        var bot = new DialogTestHarness(async (turnContext, state, ct) =>
        {
            var dc = await new DialogSet(state)
                .Add(new Waiting("outer", ended, begins: "inner"))
                .Add(new Waiting("inner", ended))
                .CreateContextAsync(turnContext, ct);
            if (turnContext.Activity.Text == "stop") return await dc.CancelAllDialogsAsync(ct);
            return await dc.BeginDialogAsync("outer", null, ct);
        });
        await bot.SendAsync("go");
        Assert.Equal(["inner", "outer"], bot.StoredState.DialogStack.Select(d => d.Id));

        await bot.SendAsync("stop");

        Assert.Equal(["inner:CancelCalled", "outer:CancelCalled"], ended);
        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);
        Assert.Empty(bot.StoredState.DialogStack);
        await bot.SendAsync("stop");
        Assert.Equal(DialogTurnStatus.Empty, bot.LastResult.Status);
    }

    [Fact]
    public async Task ReplaceDialogAsync_EndsTheActiveDialogAsReplacedWithoutResumingItsParent()
    {
        var ended = new List<string>();
        var bot = new DialogTestHarness(async (turnContext, state, ct) =>
        {
            var dc = await new DialogSet(state)
                .Add(new Waiting("outer", ended, begins: "inner"))
                .Add(new Waiting("inner", ended))
                .Add(new Waiting("other", ended))
                .CreateContextAsync(turnContext, ct);
            return turnContext.Activity.Text == "replace"
                ? await dc.ReplaceDialogAsync("other", null, ct)
                : await dc.BeginDialogAsync("outer", null, ct);
        });
        await bot.SendAsync("go");

        await bot.SendAsync("replace");

        Assert.Equal(["inner:ReplaceCalled"], ended);
        Assert.Equal(["other", "outer"], bot.StoredState.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public async Task TheStoredDialogState_IsPlainJsonWithoutDotnetTypeNames()
    {
        var bot = new DialogTestHarness(async (turnContext, state, ct) =>
        {
            var dc = await new DialogSet(state).Add(new IncidentDialog()).CreateContextAsync(turnContext, ct);
            var result = await dc.ContinueDialogAsync(ct);
            return result.Status == DialogTurnStatus.Empty
                ? await dc.BeginDialogAsync("incident", new IncidentDialog.Details("unknown", false), ct)
                : result;
        });
        await bot.SendAsync("signaler");
        await bot.SendAsync("Imprimante en panne");

        var json = bot.State.Json!;

        foreach (var forbidden in new[] { "$type", "$id", "BotFramework", "System.", "Version=", "PublicKeyToken", "IncidentDialog", "Details" })
        {
            Assert.DoesNotContain(forbidden, json);
        }
        using var document = JsonDocument.Parse(json);
        var component = Assert.Single(document.RootElement.GetProperty("dialogStack").EnumerateArray());
        Assert.Equal("incident", component.GetProperty("id").GetString());
        var inner = component.GetProperty("state").GetProperty("dialogs").GetProperty("dialogStack");
        Assert.Equal(
            """{"id":"severity","state":{"options":{"prompt":{"type":"message","text":"Quelle est la gravité ?"}},"attemptCount":0}}""",
            inner[0].GetRawText());
        Assert.Equal(
            """{"id":"main","state":{"options":{"severity":"unknown","notify":false},"values":{"title":"Imprimante en panne"},"stepIndex":1}}""",
            inner[2].GetRawText());
    }

    [Fact]
    public async Task ContinuingOrRepromptingAnEmptyStack_DoesNothing()
    {
        var bot = new DialogTestHarness(async (turnContext, state, ct) =>
        {
            var dc = await new DialogSet(state).CreateContextAsync(turnContext, ct);
            await dc.RepromptDialogAsync(ct);
            Assert.Null(dc.ActiveDialog);
            return await dc.ContinueDialogAsync(ct);
        });

        Assert.Empty((await bot.SendAsync("hi")).Activities);
        Assert.Equal(DialogTurnStatus.Empty, bot.LastResult!.Status);
    }

    /// <summary>Begins an optional child, then waits; records how it leaves the stack.</summary>
    private sealed class Waiting(string id, List<string> ended, string? begins = null) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
            begins is null ? Task.FromResult(EndOfTurn) : dc.BeginDialogAsync(begins, null, cancellationToken);

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
            Task.FromResult(EndOfTurn);

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add($"{Id}:{reason}");
            return Task.CompletedTask;
        }
    }
}
