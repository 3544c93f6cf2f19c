using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Tests.Builder;

[Trait("Category", "Fast")]
public sealed class ShowTypingMiddlewareTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly TaskCompletionSource _botEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _botMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RecordingAdapter Adapter() => new(middleware: [new ShowTypingMiddleware(Delay, Period, _clock)]);

    /// <summary>A bot that waits to be released, then answers.</summary>
    private CallbackBot SlowBot() => new(async (turn, ct) =>
    {
        _botEntered.SetResult();
        await _botMayFinish.Task;
        await turn.SendActivityAsync("Here is the guideline.", ct);
    });

    [Fact]
    public async Task SlowTurn_ShowsTypingAtOnce_RepeatedEachPeriod_BeforeTheReply()
    {
        var adapter = Adapter();
        var incoming = adapter.MakeMessage("post hostile");
        var turn = adapter.SendAsync(incoming, SlowBot());
        await _botEntered.Task.WaitAsync(Guard);

        _clock.Advance(Delay);
        var first = await adapter.NextDeliveryAsync();
        await _clock.WaitForTimersCreatedAsync(2).WaitAsync(Guard);
        _clock.Advance(Period);
        var second = await adapter.NextDeliveryAsync();
        await _clock.WaitForTimersCreatedAsync(3).WaitAsync(Guard);

        Assert.False(turn.IsCompleted);
        Assert.Equal(ActivityTypes.Typing, first.Type);
        Assert.Equal(ActivityTypes.Typing, second.Type);
        Assert.Null(first.ReplyToId);
        Assert.Equal("28:bot", first.From!.Id);
        Assert.Equal("29:user1", first.Recipient!.Id);
        Assert.Equal(incoming.Conversation!.Id, first.Conversation!.Id);
        Assert.Equal(incoming.ServiceUrl, first.ServiceUrl);

        _botMayFinish.SetResult();
        await turn.WaitAsync(Guard);

        Assert.Equal("Here is the guideline.", (await adapter.NextDeliveryAsync()).Text);
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Typing, ActivityTypes.Message], adapter.ActiveQueue.Select(a => a.Type));
        Assert.False(adapter.HasPendingDelivery);
    }

    [Fact]
    public async Task SlowTurn_StopsTypingWhenTheTurnEnds()
    {
        var adapter = Adapter();
        var turn = adapter.SendAsync(adapter.MakeMessage("post hostile"), SlowBot());
        await _botEntered.Task.WaitAsync(Guard);
        _clock.Advance(Delay);
        await adapter.NextDeliveryAsync();
        await _clock.WaitForTimersCreatedAsync(2).WaitAsync(Guard);

        _botMayFinish.SetResult();
        await turn.WaitAsync(Guard);
        await adapter.NextDeliveryAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, adapter.TypingAttempts);
        Assert.False(adapter.HasPendingDelivery);
    }

    [Fact]
    public async Task TurnFasterThanTheDelay_ShowsNoTyping()
    {
        var adapter = Adapter();
        var bot = new CallbackBot(async (turn, ct) =>
        {
            _clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
            await turn.SendActivityAsync("quick answer", ct);
        });

        await adapter.SendAsync(adapter.MakeMessage("help"), bot);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([ActivityTypes.Message], adapter.ActiveQueue.Select(a => a.Type));
        Assert.Equal(0, adapter.TypingAttempts);
    }

    [Theory]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    public async Task NonMessageActivities_ShowNoTyping_EvenWhenSlow(string type)
    {
        var adapter = Adapter();
        var turn = adapter.SendAsync(adapter.MakeActivity(type), SlowBot());
        await _botEntered.Task.WaitAsync(Guard);

        _clock.Advance(TimeSpan.FromMinutes(1));
        _botMayFinish.SetResult();
        await turn.WaitAsync(Guard);

        Assert.Equal(0, _clock.TimersCreated);
        Assert.Equal([ActivityTypes.Message], adapter.ActiveQueue.Select(a => a.Type));
    }

    [Fact]
    public async Task FailingTypingSend_DoesNotFailTheTurn()
    {
        var adapter = Adapter();
        adapter.FailTyping = true;
        var turn = adapter.SendAsync(adapter.MakeMessage("post hostile"), SlowBot());
        await _botEntered.Task.WaitAsync(Guard);

        _clock.Advance(Delay);
        Assert.Equal(ActivityTypes.Typing, (await adapter.NextDeliveryAsync()).Type);
        _botMayFinish.SetResult();
        await turn.WaitAsync(Guard);

        Assert.Equal("Here is the guideline.", (await adapter.NextDeliveryAsync()).Text);
        Assert.Equal(["Here is the guideline."], adapter.ActiveQueue.Select(a => a.Text));
        Assert.Equal(1, adapter.TypingAttempts);
    }

    [Fact]
    public async Task ZeroDelay_ShowsTypingAsSoonAsTheTurnStarts()
    {
        var adapter = new RecordingAdapter(middleware: [new ShowTypingMiddleware(TimeSpan.Zero, Period, _clock)]);
        var turn = adapter.SendAsync(adapter.MakeMessage("post hostile"), SlowBot());

        Assert.Equal(ActivityTypes.Typing, (await adapter.NextDeliveryAsync()).Type);
        _botMayFinish.SetResult();
        await turn.WaitAsync(Guard);
    }

    [Fact]
    public void NegativeDelay_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShowTypingMiddleware(TimeSpan.FromSeconds(-1)));
    }
}
