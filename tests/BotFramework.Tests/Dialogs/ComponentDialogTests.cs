using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class ComponentDialogTests
{
    private static async Task<DialogTestHarness> AtSeverityQuestion()
    {
        var bot = new DialogTestHarness(new IncidentDialog());
        Assert.Equal([IncidentDialog.AskTitle], (await bot.SendAsync("signaler un incident")).Texts);
        Assert.Equal([IncidentDialog.AskSeverity], (await bot.SendAsync("Imprimante en panne")).Texts);
        return bot;
    }

    [Fact]
    public async Task AComponent_RunsItsNestedWaterfallAndPromptsAndEndsWithTheResult()
    {
        var bot = await AtSeverityQuestion();

        Assert.Equal([IncidentDialog.AskNotify], (await bot.SendAsync("urgent")).Texts);
        Assert.Equal(["Noté : « Imprimante en panne », gravité high, responsable prévenu."], (await bot.SendAsync("oui")).Texts);

        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult!.Status);
        Assert.Equal(new IncidentDialog.Incident("Imprimante en panne", "high", true), bot.LastResult.Result);
        Assert.Empty(bot.StoredState.DialogStack);
    }

    [Fact]
    public async Task AComponent_KeepsItsInnerStackInItsOwnState()
    {
        var bot = await AtSeverityQuestion();

        var component = Assert.Single(bot.StoredState.DialogStack);
        Assert.Equal("incident", component.Id);
        var inner = component.State["dialogs"]!["dialogStack"]!.AsArray();
        Assert.Equal(["severity", "details", "main"], inner.Select(d => (string)d!["id"]!));
        Assert.Equal("Imprimante en panne", (string)inner[2]!["state"]!["values"]!["title"]!);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("Aide")]
    public async Task HelpInsideTheNestedPrompt_SendsHelpAndAsksTheSameQuestionAgain(string typed)
    {
        var bot = await AtSeverityQuestion();

        var helped = await bot.SendAsync(typed);

        Assert.Equal([IncidentDialog.Help, IncidentDialog.AskSeverity], helped.Texts);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
        Assert.Contains("\"attemptCount\":0", bot.State.Json);
        Assert.Equal([IncidentDialog.AskNotify], (await bot.SendAsync("2")).Texts);
        Assert.Equal(["Noté : « Imprimante en panne », gravité medium, responsable non prévenu."], (await bot.SendAsync("non")).Texts);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("ANNULER")]
    public async Task CancelInsideTheNestedPrompt_CancelsEverything(string typed)
    {
        var bot = await AtSeverityQuestion();
        Assert.Equal([IncidentDialog.AskNotify], (await bot.SendAsync("faible")).Texts);

        var cancelled = await bot.SendAsync(typed);

        Assert.Equal([IncidentDialog.Cancelled], cancelled.Texts);
        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);
        Assert.Empty(bot.StoredState.DialogStack);
        Assert.Equal([IncidentDialog.AskTitle], (await bot.SendAsync("bonjour")).Texts);
    }

    [Fact]
    public async Task ItsResult_ResumesTheParentWaterfall()
    {
        var bot = ParentAroundIncident();
        await bot.SendAsync("go");
        await bot.SendAsync("Wifi lent");
        await bot.SendAsync("3");

        var done = await bot.SendAsync("no");

        Assert.Equal(["Noté : « Wifi lent », gravité low, responsable non prévenu.", "Parent got Wifi lent/low."], done.Texts);
        Assert.Equal("parent done", bot.LastResult!.Result);
    }

    [Fact]
    public async Task CancelInsideAComponent_AlsoCancelsTheDialogsHoldingIt()
    {
        var bot = ParentAroundIncident();
        await bot.SendAsync("go");
        await bot.SendAsync("Wifi lent");
        Assert.Equal(["parent", "incident"], bot.StoredState.DialogStack.Select(d => d.Id).Reverse());

        Assert.Equal([IncidentDialog.Cancelled], (await bot.SendAsync("annuler")).Texts);

        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);
        Assert.Empty(bot.StoredState.DialogStack);
    }

    [Fact]
    public async Task APromptTheComponentNoLongerHas_RestartsTheConversationInsteadOfFailing()
    {
        var bot = await AtSeverityQuestion();
        bot.State.Json = bot.State.Json!.Replace("\"id\":\"severity\"", "\"id\":\"severityV1\"");

        var restarted = await bot.SendAsync("2");

        Assert.Equal([IncidentDialog.AskTitle], restarted.Texts);
        Assert.Equal("title", bot.StoredState.DialogStack[0].State["dialogs"]!["dialogStack"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancellingTheComponentFromOutside_EndsItsInnerDialogsToo()
    {
        var ended = new List<string>();
        var component = new ComponentDialog("outer");
        component.AddDialog(new RecordingDialog("first", ended));
        var bot = new DialogTestHarness(async (turnContext, state, ct) =>
        {
            var dc = await new DialogSet(state).Add(component).CreateContextAsync(turnContext, ct);
            if (turnContext.Activity.Text == "stop") return await dc.CancelAllDialogsAsync(ct);
            var result = await dc.ContinueDialogAsync(ct);
            return result.Status == DialogTurnStatus.Empty ? await dc.BeginDialogAsync("outer", null, ct) : result;
        });
        await bot.SendAsync("go");

        await bot.SendAsync("stop");

        Assert.Equal(["first:CancelCalled"], ended);
        Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);
    }

    [Fact]
    public void TheInitialDialog_IsTheFirstOneAddedUnlessSet()
    {
        var component = new ComponentDialog("c")
            .AddDialog(new TestTextPrompt("a"))
            .AddDialog(new TestTextPrompt("b"));

        Assert.Equal("a", component.InitialDialogId);
        Assert.NotNull(component.FindDialog("b"));
        Assert.Null(component.FindDialog("c"));
    }

    private static DialogTestHarness ParentAroundIncident() => new("parent",
        new WaterfallDialog("parent",
        [
            (step, ct) => step.BeginDialogAsync("incident", null, ct),
            async (step, ct) =>
            {
                var incident = (IncidentDialog.Incident)step.Result!;
                await step.Context.SendActivityAsync($"Parent got {incident.Title}/{incident.Severity}.", ct);
                return await step.EndDialogAsync("parent done", ct);
            },
        ]),
        new IncidentDialog());

    /// <summary>Waits forever and records how it leaves the stack.</summary>
    private sealed class RecordingDialog(string id, List<string> ended) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(EndOfTurn);

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
            Task.FromResult(EndOfTurn);

        public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add($"{Id}:{reason}");
            return Task.CompletedTask;
        }
    }
}
