using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using BotFramework.Tests.State;

namespace BotFramework.Tests.Builder;

[Trait("Category", "Fast")]
public sealed class BotAdapterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileStorage _storage;
    private readonly ConversationState _state;
    private readonly IStatePropertyAccessor<int> _count;

    public BotAdapterTests()
    {
        _storage = new FileStorage(_folder.Path);
        _state = new ConversationState(_storage);
        _count = _state.CreateProperty<int>("count");
    }

    private static string ConversationKey(TestAdapter adapter) =>
        $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation!.Id}";

    [Fact]
    public async Task Middleware_RunsInRegistrationOrder_AroundTheBot()
    {
        var log = new List<string>();
        var adapter = new TestAdapter(middleware: [new LoggingMiddleware("a", log), new LoggingMiddleware("b", log)]);
        var bot = new CallbackBot(_ => log.Add("bot"));

        await adapter.SendAsync(adapter.MakeMessage("hi"), bot);

        Assert.Equal(["a before", "b before", "bot", "b after", "a after"], log);
    }

    [Fact]
    public async Task MiddlewareThatDoesNotCallNext_SkipsTheBot_ButItsMessagesAreDelivered()
    {
        var adapter = new TestAdapter(middleware: [new AnsweringMiddleware("maintenance window")]);
        var bot = new CallbackBot(_ => { });

        await adapter.SendAsync(adapter.MakeMessage("hi"), bot);

        Assert.Equal(0, bot.Calls);
        Assert.Equal("maintenance window", adapter.GetNextReply()?.Text);
    }

    [Fact]
    public async Task Messages_AreDeliveredAfterTheTurn_AddressedAsReplies()
    {
        var adapter = new TestAdapter();
        var deliveredDuringTurn = -1;
        var bot = new CallbackBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync("one", ct);
            await turn.SendActivitiesAsync([Activity.CreateMessage("two"), Activity.CreateMessage("three")], ct);
            deliveredDuringTurn = adapter.ActiveQueue.Count;
            Assert.True(turn.Responded);
        });
        var incoming = adapter.MakeMessage("hi");

        await adapter.SendAsync(incoming, bot);

        Assert.Equal(0, deliveredDuringTurn);
        var sent = adapter.ActiveQueue.ToList();
        Assert.Equal(["one", "two", "three"], sent.Select(a => a.Text));
        Assert.All(sent, a =>
        {
            Assert.Equal(incoming.Id, a.ReplyToId);
            Assert.Equal("28:bot", a.From!.Id);
            Assert.Equal("29:user1", a.Recipient!.Id);
            Assert.Equal(incoming.Conversation!.Id, a.Conversation!.Id);
            Assert.Equal(incoming.ServiceUrl, a.ServiceUrl);
        });
    }

    [Fact]
    public async Task Responded_IsSetByMessages_NotByTyping()
    {
        var adapter = new TestAdapter();
        var respondedAfterTyping = true;
        var bot = new CallbackBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync(Activity.CreateTyping(), ct);
            respondedAfterTyping = turn.Responded;
        });

        await adapter.SendAsync(adapter.MakeMessage("hi"), bot);

        Assert.False(respondedAfterTyping);
    }

    [Fact]
    public async Task ATurnThatThrows_DeliversNothing()
    {
        var adapter = new TestAdapter();
        var bot = new CallbackBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync("half done", ct);
            throw new InvalidOperationException("the bot failed");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SendAsync(adapter.MakeMessage("hi"), bot));

        Assert.Empty(adapter.ActiveQueue);
    }

    [Fact]
    public async Task UpdateAndDelete_GoStraightToTheAdapter()
    {
        var adapter = new TestAdapter();
        var incoming = adapter.MakeMessage("hi");
        incoming.ReplyToId = "1700000000001";
        var bot = new CallbackBot(async (turn, ct) =>
        {
            var card = Activity.CreateMessage("updated card");
            card.Id = "1700000000002";
            await turn.UpdateActivityAsync(card, ct);
            await turn.DeleteActivityAsync("1700000000003", ct);
            Assert.Single(adapter.Updates);
            Assert.Single(adapter.Deletes);
        });

        await adapter.SendAsync(incoming, bot);

        var update = Assert.Single(adapter.Updates);
        Assert.Equal("1700000000002", update.Id);
        Assert.Null(update.ReplyToId);
        Assert.Equal(incoming.Conversation!.Id, update.Conversation!.Id);
        Assert.Equal("1700000000003", Assert.Single(adapter.Deletes));
        Assert.Empty(adapter.ActiveQueue);
    }

    [Fact]
    public async Task Messages_AreDeliveredOnlyAfterTheStateIsSaved()
    {
        var adapter = new StateCheckingAdapter(_storage, [new AutoSaveStateMiddleware(_state)]);
        var bot = new CallbackBot(async (turn, ct) =>
        {
            await _count.SetAsync(turn, 7, ct);
            await turn.SendActivityAsync("saved seven", ct);
        });

        await adapter.SendAsync(adapter.MakeMessage("hi"), bot);

        Assert.Equal([7], adapter.StoredCountAtDelivery);
    }

    [Fact]
    public async Task EtagConflict_RunsTheTurnAgainOnFreshState_AndDeliversOnlyTheSecondAttempt()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]);
        var key = ConversationKey(adapter);
        var attempts = 0;
        var competeOnce = false;
        var bot = new CallbackBot(async (turn, ct) =>
        {
            var attempt = ++attempts;
            var count = await _count.GetAsync(turn, () => 0, ct);
            await _count.SetAsync(turn, count + 1, ct);
            await turn.SendActivityAsync($"attempt {attempt} saw {count}", ct);
            turn.InvokeResponse = new InvokeResponse(200, $"attempt {attempt}");
            if (competeOnce)
            {
                competeOnce = false;
                await CompetingWriteAsync(key, 10);
            }
        });
        await adapter.SendAsync(adapter.MakeMessage("first"), bot);
        Assert.Equal("attempt 1 saw 0", adapter.GetNextReply()?.Text);
        attempts = 0;
        competeOnce = true;

        var response = await adapter.SendAsync(adapter.MakeMessage("second"), bot);

        Assert.Equal(2, attempts);
        Assert.Equal(["attempt 2 saw 10"], adapter.ActiveQueue.Select(a => a.Text));
        Assert.Equal("attempt 2", response?.Body);
        Assert.Equal(11, await StoredCountAsync(key));
    }

    [Fact]
    public async Task EtagConflict_RunsTheTurnAgain_ButAnEffectOutsideTheConversationHappensOnce()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]);
        var key = ConversationKey(adapter);
        var attempts = 0;
        var posts = new List<string>();
        var bot = new CallbackBot(async (turn, ct) =>
        {
            var attempt = ++attempts;
            await _count.SetAsync(turn, attempt, ct);
            var thread = await TurnEffects.Of(turn).OnceAsync("post", () =>
            {
                posts.Add($"posted by attempt {attempt}");
                return Task.FromResult($"thread-{attempt}");
            });
            await turn.SendActivityAsync($"attempt {attempt} reports {thread}", ct);
            if (attempt == 1) await CompetingWriteAsync(key, 10);
        });

        await adapter.SendAsync(adapter.MakeMessage("post it"), bot);

        Assert.Equal(2, attempts);
        Assert.Equal(["posted by attempt 1"], posts);
        Assert.Equal(["attempt 2 reports thread-1"], adapter.ActiveQueue.Select(a => a.Text));
        Assert.Equal(2, await StoredCountAsync(key));
    }

    [Fact]
    public async Task EtagConflict_RunsTheTurnAgain_AndOnlyTheSavedAttemptCommits_AfterItsStateIsStored()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]);
        var key = ConversationKey(adapter);
        var attempts = 0;
        var committed = new List<string>();
        var bot = new CallbackBot(async (turn, ct) =>
        {
            var attempt = ++attempts;
            await _count.SetAsync(turn, attempt, ct);
            TurnEffects.Of(turn).AfterCommit(() => committed.Add($"attempt {attempt}, stored {StoredCountAsync(key).GetAwaiter().GetResult()}"));
            await turn.SendActivityAsync($"attempt {attempt}", ct);
            if (attempt == 1) await CompetingWriteAsync(key, 10);
        });

        await adapter.SendAsync(adapter.MakeMessage("vote"), bot);

        Assert.Equal(2, attempts);
        Assert.Equal(["attempt 2, stored 2"], committed);
    }

    [Fact]
    public async Task ATurnThatThrows_CommitsNothing()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]);
        var committed = 0;
        var bot = new CallbackBot((turn, ct) =>
        {
            TurnEffects.Of(turn).AfterCommit(() => committed++);
            throw new InvalidOperationException("the turn failed");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SendAsync(adapter.MakeMessage("vote"), bot));

        Assert.Equal(0, committed);
    }

    [Fact]
    public async Task TurnEffects_AnEffectThatThrowsIsNotRemembered()
    {
        var effects = new TurnEffects();
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => effects.OnceAsync<int>("k", () => { calls++; throw new InvalidOperationException(); }));
        var second = await effects.OnceAsync("k", () => { calls++; return Task.FromResult(42); });
        var third = await effects.OnceAsync("k", () => { calls++; return Task.FromResult(7); });

        Assert.Equal((42, 42, 2), (second, third, calls));
    }

    [Fact]
    public async Task EtagConflict_OnEveryAttempt_GivesUpAfterMaxTurnAttempts_WithTheConflict()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]) { MaxTurnAttempts = 3 };
        var key = ConversationKey(adapter);
        await CompetingWriteAsync(key, 0);
        var attempts = 0;
        var bot = new CallbackBot(async (turn, ct) =>
        {
            var attempt = ++attempts;
            await _count.SetAsync(turn, -attempt, ct);
            await turn.SendActivityAsync($"attempt {attempt}", ct);
            await CompetingWriteAsync(key, 100 + attempt);
        });

        var error = await Assert.ThrowsAsync<EtagConflictException>(() => adapter.SendAsync(adapter.MakeMessage("hi"), bot));

        Assert.Equal(key, error.Key);
        Assert.Equal(3, attempts);
        Assert.Empty(adapter.ActiveQueue);
        Assert.Equal(103, await StoredCountAsync(key));
    }

    [Fact]
    public async Task EtagConflict_WithOneAttemptAllowed_IsNotRetried()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]) { MaxTurnAttempts = 1 };
        var key = ConversationKey(adapter);
        await CompetingWriteAsync(key, 0);
        var bot = new CallbackBot(async (turn, ct) =>
        {
            await _count.SetAsync(turn, 1, ct);
            await CompetingWriteAsync(key, 5);
        });

        await Assert.ThrowsAsync<EtagConflictException>(() => adapter.SendAsync(adapter.MakeMessage("hi"), bot));

        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task OtherExceptions_AreNotRetried()
    {
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(_state)]);
        var bot = new CallbackBot((_, _) => throw new IOException("disk full"));

        await Assert.ThrowsAsync<IOException>(() => adapter.SendAsync(adapter.MakeMessage("hi"), bot));

        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task ProcessActivity_RequiresAnActivityAndABot()
    {
        var adapter = new TestAdapter();

        await Assert.ThrowsAsync<ArgumentNullException>(() => adapter.ProcessActivityAsync(null!, (_, _) => Task.CompletedTask));
        await Assert.ThrowsAsync<ArgumentNullException>(() => adapter.ProcessActivityAsync(adapter.MakeMessage("hi"), null!));
    }

    /// <summary>Another instance writes the conversation document (as a racing turn would), keeping everything else in it.</summary>
    private async Task CompetingWriteAsync(string key, int count)
    {
        var found = await _storage.ReadAsync([key]);
        var document = found.TryGetValue(key, out var stored) ? stored.Document : new JsonObject();
        document["count"] = count;
        await _storage.WriteAsync(new Dictionary<string, StoredDocument> { [key] = new(document, stored?.ETag) });
    }

    private async Task<int> StoredCountAsync(string key) =>
        (await _storage.ReadAsync([key]))[key].Document["count"]!.GetValue<int>();

    public void Dispose() => _folder.Dispose();

    /// <summary>Reads the stored conversation document whenever it is asked to deliver.</summary>
    private sealed class StateCheckingAdapter(FileStorage storage, IEnumerable<IMiddleware> middleware) : TestAdapter(middleware: middleware)
    {
        public List<int?> StoredCountAtDelivery { get; } = [];

        public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            var key = ConversationKey(this);
            var found = await storage.ReadAsync([key], cancellationToken);
            StoredCountAtDelivery.Add(found.TryGetValue(key, out var stored) ? stored.Document["count"]?.GetValue<int>() : null);
            return await base.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }
    }

    private sealed class LoggingMiddleware(string name, List<string> log) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add(name + " before");
            await next(cancellationToken);
            log.Add(name + " after");
        }
    }

    private sealed class AnsweringMiddleware(string text) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
            turnContext.SendActivityAsync(text, cancellationToken);
    }
}
