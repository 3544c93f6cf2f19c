using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.Testing;

namespace BotFramework.Tests.Builder;

[Trait("Category", "Fast")]
public sealed class ConversationTurnQueueTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TwentyTurnsOfOneConversation_StartedTogether_RunOneAtATimeInArrivalOrder()
    {
        var adapter = new TestAdapter();
        var firstMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ConcurrentQueue<string>();
        var running = 0;
        var maxRunning = 0;
        var bot = new CallbackBot(async (turn, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            log.Enqueue("start " + turn.Activity.Text);
            if (turn.Activity.Text == "0") await firstMayFinish.Task;
            for (var i = 0; i < 5; i++) await Task.Yield();
            log.Enqueue("end " + turn.Activity.Text);
            Interlocked.Decrement(ref running);
        });

        var turns = Enumerable.Range(0, 20).Select(i => adapter.SendAsync(adapter.MakeMessage(i.ToString()), bot)).ToList();

        Assert.Equal(["start 0"], log);
        firstMayFinish.SetResult();
        await Task.WhenAll(turns).WaitAsync(Guard);

        Assert.Equal(Enumerable.Range(0, 20).SelectMany(i => new[] { $"start {i}", $"end {i}" }), log);
        Assert.Equal(1, maxRunning);
        Assert.Equal(20, bot.Calls);
    }

    [Fact]
    public async Task TurnsOfTwoConversations_Overlap()
    {
        var adapter = new TestAdapter();
        var personal = adapter.MakeMessage("slow");
        adapter.Conversation = TestAdapter.ChannelThread();
        var channel = adapter.MakeMessage("fast");
        var slowMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var runningWhenFastRan = 0;
        var bot = new CallbackBot(async (turn, _) =>
        {
            var now = Interlocked.Increment(ref running);
            if (turn.Activity.Text == "slow") await slowMayFinish.Task;
            else runningWhenFastRan = now;
            Interlocked.Decrement(ref running);
        });

        var slow = adapter.SendAsync(personal, bot);
        var fast = adapter.SendAsync(channel, bot);
        await fast.WaitAsync(Guard);

        Assert.False(slow.IsCompleted);
        Assert.Equal(2, runningWhenFastRan);
        slowMayFinish.SetResult();
        await slow.WaitAsync(Guard);
    }

    [Fact]
    public async Task SameConversationIdOnAnotherChannel_IsAnotherQueue()
    {
        var adapter = new TestAdapter();
        var teams = adapter.MakeMessage("slow");
        var other = adapter.MakeMessage("fast");
        other.ChannelId = "webchat";
        var slowMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new CallbackBot(async (turn, _) =>
        {
            if (turn.Activity.Text == "slow") await slowMayFinish.Task;
        });

        var slow = adapter.SendAsync(teams, bot);
        await adapter.SendAsync(other, bot).WaitAsync(Guard);

        Assert.False(slow.IsCompleted);
        slowMayFinish.SetResult();
        await slow.WaitAsync(Guard);
    }

    [Fact]
    public async Task ATurnThatThrows_DoesNotBlockTheNext()
    {
        var adapter = new TestAdapter();
        var firstMayFail = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new CallbackBot(async (turn, ct) =>
        {
            if (turn.Activity.Text == "fail")
            {
                await firstMayFail.Task;
                throw new InvalidOperationException("the bot failed");
            }
            await turn.SendActivityAsync("second turn ran", ct);
        });

        var failing = adapter.SendAsync(adapter.MakeMessage("fail"), bot);
        var next = adapter.SendAsync(adapter.MakeMessage("next"), bot);
        Assert.False(next.IsCompleted);
        firstMayFail.SetResult();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Guard));
        Assert.Equal("the bot failed", error.Message);
        await next.WaitAsync(Guard);
        Assert.Equal("second turn ran", adapter.GetNextReply()?.Text);
        Assert.Null(adapter.GetNextReply());
    }

    [Fact]
    public async Task Queue_RunsInArrivalOrder_ReturnsEachResult_AndForgetsIdleConversations()
    {
        var queue = new ConversationTurnQueue();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new ConcurrentQueue<string>();

        var (a1, keyA) = Start(queue, "msteams/a:1", async () => { await gate.Task; order.Enqueue("a1"); return 1; });
        var a2 = queue.RunAsync("msteams/a:1", () => { order.Enqueue("a2"); return Task.FromResult(2); });
        var (b1, keyB) = Start(queue, "msteams/a:2", () => { order.Enqueue("b1"); return Task.FromResult(3); });

        Assert.Equal(3, await b1);
        Assert.True(ReleasedSoon(keyB));
        Assert.False(Collectable(keyA));
        Assert.Equal(2, queue.TurnsInProgress);
        gate.SetResult();

        var results = await Task.WhenAll(a1, a2).WaitAsync(Guard);
        Assert.Equal([1, 2], results);
        Assert.Equal(["b1", "a1", "a2"], order);
        Assert.Equal(0, queue.TurnsInProgress);
        Assert.True(ReleasedSoon(keyA));
    }

    [Fact]
    public async Task Queue_AfterAFailedTurn_RunsTheNextAndForgetsTheConversation()
    {
        var queue = new ConversationTurnQueue();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var (failing, key) = Start<int>(queue, "k", async () => { await gate.Task; throw new TimeoutException("slow storage"); });
        var next = queue.RunAsync("k", () => Task.FromResult(42));
        gate.SetResult();

        await Assert.ThrowsAsync<TimeoutException>(() => failing.WaitAsync(Guard));
        Assert.Equal(42, await next.WaitAsync(Guard));
        Assert.Equal(0, queue.TurnsInProgress);
        Assert.True(ReleasedSoon(key));
    }

    [Fact]
    public async Task Queue_RefusesATurnBeyondTheWaitingLimitOfItsConversation_ButNotOfAnother()
    {
        var queue = new ConversationTurnQueue(maxWaitingPerConversation: 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new ConcurrentQueue<string>();
        Func<Task<int>> Turn(string name) => async () => { await gate.Task; ran.Enqueue(name); return 0; };

        var running = queue.RunAsync("k", Turn("running"));
        var waiting = new[] { queue.RunAsync("k", Turn("w1")), queue.RunAsync("k", Turn("w2")) };
        var refused = await Assert.ThrowsAsync<TurnQueueFullException>(() => queue.RunAsync("k", Turn("w3")));
        var elsewhere = queue.RunAsync("other", () => { ran.Enqueue("other"); return Task.FromResult(0); });

        Assert.False(refused.WholeHost);
        await elsewhere.WaitAsync(Guard);
        gate.SetResult();
        await Task.WhenAll([running, .. waiting]).WaitAsync(Guard);
        Assert.Equal(["other", "running", "w1", "w2"], ran);
        Assert.Equal(0, queue.TurnsInProgress);

        // Once the line is short again, the conversation is served.
        Assert.Equal(7, await queue.RunAsync("k", () => Task.FromResult(7)).WaitAsync(Guard));
    }

    [Fact]
    public async Task Queue_RefusesATurnBeyondTheLimitOfTheWholeHost()
    {
        var queue = new ConversationTurnQueue(maxInProgress: 3);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var busy = Enumerable.Range(0, 3).Select(i => queue.RunAsync($"conversation-{i}", async () => { await gate.Task; return i; })).ToList();
        var refused = await Assert.ThrowsAsync<TurnQueueFullException>(() => queue.RunAsync("conversation-9", () => Task.FromResult(9)));

        Assert.True(refused.WholeHost);
        gate.SetResult();
        var results = await Task.WhenAll(busy).WaitAsync(Guard);
        Assert.Equal([0, 1, 2], results);
        Assert.Equal(9, await queue.RunAsync("conversation-9", () => Task.FromResult(9)).WaitAsync(Guard));
    }

    [Fact]
    public async Task Queue_DropsAWaitingTurnWhoseCallerWentAway_AndTheNextStillWaitsForTheOneAhead()
    {
        var queue = new ConversationTurnQueue();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new ConcurrentQueue<string>();
        using var gone = new CancellationTokenSource();

        var (first, key) = Start(queue, "k", async () => { await gate.Task; ran.Enqueue("first"); return 1; });
        var abandoned = queue.RunAsync("k", () => { ran.Enqueue("abandoned"); return Task.FromResult(2); }, gone.Token);
        var third = queue.RunAsync("k", () => { ran.Enqueue("third"); return Task.FromResult(3); });
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Guard));
        Assert.False(third.IsCompleted); // still behind the first turn, which has not finished
        gate.SetResult();
        Assert.Equal(3, await third.WaitAsync(Guard));
        Assert.Equal(["first", "third"], ran);
        Assert.Equal(0, queue.TurnsInProgress);
        Assert.True(ReleasedSoon(key));
    }

    [Fact]
    public async Task Queue_AStartedTurnRunsToItsEnd_EvenWhenItsCallerGoesAway()
    {
        var queue = new ConversationTurnQueue();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gone = new CancellationTokenSource();

        var turn = queue.RunAsync("k", async () => { started.SetResult(); await mayFinish.Task; return "delivered"; }, gone.Token);
        await started.Task.WaitAsync(Guard);
        await gone.CancelAsync();
        mayFinish.SetResult();

        Assert.Equal("delivered", await turn.WaitAsync(Guard));
    }

    [Fact]
    public async Task Adapter_PutsTheAuthenticationResultInTheTurnState()
    {
        var adapter = new TestAdapter();
        BotFramework.Connector.Authentication.AuthenticationResult? seen = null;
        var bot = new CallbackBot(turn => seen = turn.Authentication());

        await adapter.SendAsync(adapter.MakeMessage("hi"), bot);
        Assert.True(seen!.IsAnonymous);

        adapter.AsTeams();
        await adapter.SendAsync(adapter.MakeMessage("hi"), bot);
        Assert.True(seen!.IsChannelToken);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    // The queue keeps a conversation's key only while it has turns; whether it let go of one is seen from
    // outside as the key becoming collectable. Each key here is a fresh string that only the queue holds.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Task<T> Turn, WeakReference Key) Start<T>(ConversationTurnQueue queue, string key, Func<Task<T>> turn)
    {
        var own = new string(key.AsSpan());
        return (queue.RunAsync(own, turn), new WeakReference(own));
    }

    // A finished turn's task may still hold its key for an instant after the awaiting test has resumed (the
    // runtime clears a completed async method's state just after it completes it), so a release is waited for,
    // up to the guard, while a key that must stay held is checked once.
    private static bool ReleasedSoon(WeakReference key)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Collectable(key))
        {
            if (waited.Elapsed > Guard) return false;
            Thread.Sleep(10);
        }
        return true;
    }

    private static bool Collectable(WeakReference key)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return !key.IsAlive;
    }
}
