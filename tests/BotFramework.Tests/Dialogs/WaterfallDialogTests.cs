using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

[Trait("Category", "Fast")]
public class WaterfallDialogTests
{
    private static WaterfallDialog IntroductionDialog() => new("introduction",
    [
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync("What is your name?", ct);
            return Dialog.EndOfTurn;
        },
        async (step, ct) =>
        {
            step.Values["name"] = (string?)step.Result;
            await step.Context.SendActivityAsync($"How old are you, {step.Result}?", ct);
            return Dialog.EndOfTurn;
        },
        async (step, ct) =>
        {
            step.Values["age"] = int.Parse((string)step.Result!);
            var summary = $"{step.Values["name"]} is {step.Values["age"]}.";
            await step.Context.SendActivityAsync(summary, ct);
            return await step.EndDialogAsync(summary, ct);
        },
    ]);

    [Fact]
    public async Task ThreeSteps_KeepTheirValuesAcrossTurnsAndEndWithTheLastResult()
    {
        var bot = new DialogTestHarness(IntroductionDialog());

        Assert.Equal(["What is your name?"], (await bot.SendAsync("hi")).Texts);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);

        Assert.Equal(["How old are you, Ana?"], (await bot.SendAsync("Ana")).Texts);
        Assert.Contains("\"name\":\"Ana\"", bot.State.Json);
        Assert.Contains("\"stepIndex\":1", bot.State.Json);

        Assert.Equal(["Ana is 41."], (await bot.SendAsync("41")).Texts);
        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult.Status);
        Assert.Equal("Ana is 41.", bot.LastResult.Result);
        Assert.Empty(bot.StoredState.DialogStack);
    }

    [Fact]
    public async Task AFinishedWaterfall_BeginsAgainOnTheNextMessage()
    {
        var bot = new DialogTestHarness(IntroductionDialog());
        await bot.SendAsync("hi");
        await bot.SendAsync("Ana");
        await bot.SendAsync("41");

        Assert.Equal(["What is your name?"], (await bot.SendAsync("hello again")).Texts);
        Assert.Equal("{}", JsonSerializer.Serialize(bot.StoredState.DialogStack[0].State["values"]));
    }

    [Fact]
    public async Task ActivitiesOtherThanMessages_LeaveTheWaterfallWaitingOnItsStep()
    {
        var bot = new DialogTestHarness(IntroductionDialog());
        await bot.SendAsync("hi");

        var typing = await bot.ProcessAsync(Activity.CreateTyping());
        var reaction = await bot.ProcessAsync(new Activity { Type = ActivityTypes.MessageReaction });

        Assert.Empty(typing.Activities);
        Assert.Empty(reaction.Activities);
        Assert.Equal(DialogTurnStatus.Waiting, bot.LastResult!.Status);
        Assert.Equal(["How old are you, Ana?"], (await bot.SendAsync("Ana")).Texts);
    }

    [Fact]
    public async Task NextAsync_RunsTheFollowingStepInTheSameTurnWithTheGivenResult()
    {
        var waterfall = new WaterfallDialog("skip",
        [
            (step, ct) => step.NextAsync("from step 1", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"step 2 got '{step.Result}' ({step.Reason})", ct);
                return Dialog.EndOfTurn;
            },
        ]);
        var bot = new DialogTestHarness(waterfall);

        Assert.Equal(["step 2 got 'from step 1' (NextCalled)"], (await bot.SendAsync("go")).Texts);
    }

    [Fact]
    public async Task NextAsyncCalledTwiceInOneStep_IsAProgrammingError()
    {
        var waterfall = new WaterfallDialog("twice",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]);
        var bot = new DialogTestHarness(waterfall);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.SendAsync("go"));
    }

    private sealed record ReportOptions(string Reporter, int Priority, List<string> Tags);

    [Fact]
    public async Task Options_AreStoredAsJsonAndReadBackTypedInALaterTurn()
    {
        var waterfall = new WaterfallDialog("report",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Describe the issue.", ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                var options = step.GetOptions<ReportOptions>()!;
                await step.Context.SendActivityAsync($"{options.Reporter} (P{options.Priority}, {string.Join("+", options.Tags)}): {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var bot = new DialogTestHarness(async (turnContext, state, ct) =>
        {
            var dc = await new DialogSet(state).Add(waterfall).CreateContextAsync(turnContext, ct);
            var result = await dc.ContinueDialogAsync(ct);
            return result.Status == DialogTurnStatus.Empty
                ? await dc.BeginDialogAsync("report", new ReportOptions("Ana", 2, ["vpn", "remote"]), ct)
                : result;
        });

        await bot.SendAsync("report");
        Assert.Contains("\"options\":{\"reporter\":\"Ana\",\"priority\":2,\"tags\":[\"vpn\",\"remote\"]}", bot.State.Json);

        Assert.Equal(["Ana (P2, vpn+remote): VPN drops"], (await bot.SendAsync("VPN drops")).Texts);
    }

    [Fact]
    public async Task ACardSubmit_ReachesTheNextStepAsItsValue()
    {
        var waterfall = new WaterfallDialog("card",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Fill in the card.", ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                var value = (JsonElement)step.Result!;
                await step.Context.SendActivityAsync($"verb={value.GetProperty("verb").GetString()}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var bot = new DialogTestHarness(waterfall);
        await bot.SendAsync("start");

        Assert.Equal(["verb=send"], (await bot.SubmitAsync(new { verb = "send" })).Texts);
    }

    [Fact]
    public async Task AStep_BeginsAPromptAndTheNextStepGetsItsAnswer()
    {
        var bot = new DialogTestHarness("greet",
            new WaterfallDialog("greet",
            [
                (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = Activity.CreateMessage("Your name?") }, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Hello {step.Result}!", ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]),
            new TestTextPrompt("name"));

        Assert.Equal(["Your name?"], (await bot.SendAsync("hi")).Texts);
        Assert.Equal(["name", "greet"], bot.StoredState.DialogStack.Select(d => d.Id));

        Assert.Equal(["Hello Ana!"], (await bot.SendAsync("  Ana ")).Texts);
        Assert.Equal(DialogTurnStatus.Complete, bot.LastResult!.Status);
        Assert.Equal("Ana", bot.LastResult.Result);
    }

    [Fact]
    public async Task ReplaceDialogAsync_RestartsAWaterfallWithFreshValuesAsALoop()
    {
        var waterfall = new WaterfallDialog("loop",
        [
            async (step, ct) =>
            {
                var round = step.GetOptions<int>() + 1;
                step.Values["round"] = round;
                return await step.PromptAsync("again", new PromptOptions { Prompt = Activity.CreateMessage($"Round {round}. Again?") }, ct);
            },
            async (step, ct) =>
            {
                var round = (int)step.Values["round"]!;
                if ((bool)step.Result!) return await step.ReplaceDialogAsync("loop", round, ct);
                await step.Context.SendActivityAsync($"Stopped after {round} rounds.", ct);
                return await step.EndDialogAsync(round, ct);
            },
        ]);
        var bot = new DialogTestHarness("loop", waterfall, new ConfirmPrompt("again"));

        Assert.Equal(["Round 1. Again?"], (await bot.SendAsync("play")).Texts);
        Assert.Equal(["Round 2. Again?"], (await bot.SendAsync("oui")).Texts);
        Assert.Equal(2, bot.StoredState.DialogStack.Count);
        Assert.Equal(["Round 3. Again?"], (await bot.SendAsync("yes")).Texts);
        Assert.Equal(["Stopped after 3 rounds."], (await bot.SendAsync("non")).Texts);
        Assert.Equal(3, bot.LastResult!.Result);
    }
}
