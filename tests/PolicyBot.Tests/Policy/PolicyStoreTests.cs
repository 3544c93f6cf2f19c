using BotFramework.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Policy;

namespace PolicyBot.Tests.Policy;

/// <summary>The policy's append-only versions and current pointer in storage, under concurrent managers.</summary>
[Trait("Category", "Fast")]
public sealed class PolicyStoreTests : IDisposable
{
    private static readonly PolicyAuthor Ann = new("Ann Manager", "00000000-0000-0000-0000-0000000000a1");
    private static readonly PolicyAuthor Bea = new("Bea Manager", "00000000-0000-0000-0000-0000000000b1");
    private readonly TempStorage _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    private PolicyStore Store(IStorage? storage = null, TimeSpan? cache = null) =>
        new(storage ?? _temp.Storage, Options.Create(new PolicyOptions { CacheDuration = cache ?? TimeSpan.Zero }), _clock, NullLogger<PolicyStore>.Instance);

    public void Dispose() => _temp.Dispose();

    /// <summary>Where version n is stored: the storage layout that policies saved by earlier releases depend on.</summary>
    private static string VersionKey(int version) => $"policybot/policy/versions/{version}";

    private static Dictionary<string, string?> Set(string point, string? option) => new() { [point] = option };

    [Fact]
    public async Task FirstChange_CreatesVersionOneAndMovesThePointer()
    {
        var store = Store();

        var commit = await store.ChangeAsync(Ann, Set("follow-requests", "accept-all"));

        Assert.Equal(1, commit.Created!.Version);
        Assert.Equal(Ann, commit.Created.By);
        Assert.Equal(_clock.Now, commit.Created.At);
        Assert.Equal([new PolicyChange("follow-requests", null, "accept-all")], commit.Created.Changes);
        var stored = await _temp.Storage.ReadAsync([VersionKey(1), PolicyStore.CurrentKey]);
        Assert.Equal(2, stored.Count);
        Assert.Equal(1, (await Store().ReadCurrentAsync()).Version);
    }

    [Fact]
    public async Task EveryChange_IsANewVersion_AndEarlierVersionsAreNeverRewritten()
    {
        var store = Store();
        await store.ChangeAsync(Ann, Set("follow-requests", "accept-all"));
        var v1 = (await _temp.Storage.ReadAsync([VersionKey(1)]))[VersionKey(1)];

        await store.ChangeAsync(Bea, Set("follow-requests", "use-criteria"));
        await store.ChangeAsync(Ann, Set("follow-requests", null));

        var after = (await _temp.Storage.ReadAsync([VersionKey(1)]))[VersionKey(1)];
        Assert.Equal(v1.ETag, after.ETag);
        var history = await store.HistoryAsync(10);
        Assert.Equal([3, 2, 1], history.Select(v => v.Version));
        Assert.Equal(new PolicyChange("follow-requests", "use-criteria", null), history[0].Changes.Single());
        Assert.False(history[0].Decisions.ContainsKey("follow-requests"));
        Assert.Equal(3, history[0].ChangedIn["follow-requests"]);
    }

    [Fact]
    public async Task AChangeToWhatIsAlreadyThePolicy_CreatesNothing()
    {
        var store = Store();
        await store.ChangeAsync(Ann, Set("divergent-opinions-approach", "open-and-correct"));

        var commit = await store.ChangeAsync(Bea, Set("divergent-opinions-approach", "open-and-correct"));

        Assert.Null(commit.Created);
        Assert.Equal(1, commit.Current.Version);
        Assert.False((await _temp.Storage.ReadAsync([VersionKey(2)])).Any());
    }

    [Fact]
    public async Task TwoManagersSavingAtTheSameMoment_NeitherChangeIsLost()
    {
        // Ann reads version 0 and is about to create version 1 when Bea saves version 1 first.
        var racing = new InterleavingStorage(_temp.Storage);
        var ann = Store(racing);
        var bea = Store(_temp.Storage);
        var staged = false;
        racing.BeforeWrite = async key =>
        {
            if (staged || key != VersionKey(1)) return;
            staged = true;
            await bea.ChangeAsync(Bea, Set("page-voice", "awareness-platform"));
        };

        var commit = await ann.ChangeAsync(Ann, Set("follow-requests", "accept-all"));

        Assert.True(staged);
        Assert.Equal(2, commit.Created!.Version);
        var current = await Store().ReadCurrentAsync();
        Assert.Equal(2, current.Version);
        Assert.Equal("awareness-platform", current.Decisions["page-voice"]);
        Assert.Equal("accept-all", current.Decisions["follow-requests"]);
        var history = await Store().HistoryAsync(10);
        Assert.Equal([(2, Ann), (1, Bea)], history.Select(v => (v.Version, v.By!)));
    }

    [Fact]
    public async Task BothManagersChangingTheSamePoint_TheHistoryKeepsBothChanges()
    {
        var racing = new InterleavingStorage(_temp.Storage);
        var ann = Store(racing);
        var staged = false;
        racing.BeforeWrite = async key =>
        {
            if (staged || key != VersionKey(1)) return;
            staged = true;
            await Store().ChangeAsync(Bea, Set("follow-requests", "use-criteria"));
        };

        await ann.ChangeAsync(Ann, Set("follow-requests", "accept-all"));

        var history = await Store().HistoryAsync(10);
        Assert.Equal(new PolicyChange("follow-requests", null, "use-criteria"), history[1].Changes.Single());
        Assert.Equal(new PolicyChange("follow-requests", "use-criteria", "accept-all"), history[0].Changes.Single());
    }

    [Fact]
    public async Task ManyManagersInParallel_EveryChangeBecomesItsOwnVersion()
    {
        var points = new[] { "follow-requests", "page-voice", "divergent-opinions-approach", "inform-author", "removal-scope", "survivor-stories", "education-format", "moderation-approach" };
        var options = new[] { "accept-all", "awareness-platform", "open-and-correct", "do-not-inform", "identifying-info-only", "allow-own-stories", "both", "light-policy" };

        await Task.WhenAll(points.Select((p, i) => Task.Run(() => Store().ChangeAsync(new PolicyAuthor($"Manager {i}", $"00000000-0000-0000-0000-00000000000{i}"), Set(p, options[i])))));

        var current = await Store().ReadCurrentAsync();
        Assert.Equal(points.Length, current.Version);
        for (var i = 0; i < points.Length; i++) Assert.Equal(options[i], current.Decisions[points[i]]);
        var history = await Store().HistoryAsync(20);
        Assert.Equal(Enumerable.Range(1, points.Length).Reverse(), history.Select(v => v.Version));
        Assert.All(history, v => Assert.Single(v.Changes));
    }

    [Fact]
    public async Task APointerLeftBehind_IsCaughtUpByTheNextSave()
    {
        // A manager's instance stopped after creating version 1 and before moving the pointer.
        var crashing = new InterleavingStorage(_temp.Storage)
        {
            BeforeWrite = key => key == PolicyStore.CurrentKey ? throw new OperationCanceledException("stopped") : Task.CompletedTask,
        };
        await Assert.ThrowsAsync<OperationCanceledException>(() => Store(crashing).ChangeAsync(Ann, Set("follow-requests", "accept-all")));
        Assert.Equal(0, (await Store().ReadCurrentAsync()).Version);

        var commit = await Store().ChangeAsync(Bea, Set("page-voice", "showcase-organisation"));

        Assert.Equal(2, commit.Created!.Version);
        var current = await Store().ReadCurrentAsync();
        Assert.Equal("accept-all", current.Decisions["follow-requests"]);
        Assert.Equal("showcase-organisation", current.Decisions["page-voice"]);
    }

    [Fact]
    public async Task CurrentPolicy_IsReadAgainOnlyAfterTheCacheDuration_ButAtOnceAfterASaveHere()
    {
        var counting = new CountingStorage(_temp.Storage);
        var store = Store(counting, cache: TimeSpan.FromSeconds(1));

        await store.CurrentAsync();
        await store.CurrentAsync();
        Assert.Equal(1, counting.Reads);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await store.CurrentAsync();
        Assert.Equal(2, counting.Reads);

        await store.ChangeAsync(Ann, Set("follow-requests", "accept-all"));
        counting.Reset();
        Assert.Equal(1, (await store.CurrentAsync()).Version);
        Assert.Equal(0, counting.Reads);
    }
    [Fact]
    public async Task CurrentPolicy_IsRenewedInTheBackground_BeforeItExpires_SoNoTurnWaitsForStorage()
    {
        var (gated, store) = await CachedVersionZero_WhileAnotherInstanceSavesVersionOne();

        _clock.Advance(TimeSpan.FromMilliseconds(700));
        gated.Close();
        Assert.Equal(0, (await store.CurrentAsync()).Version); // still fresh: no read started
        Assert.Equal(1, gated.Reads);

        _clock.Advance(TimeSpan.FromMilliseconds(100)); // three quarters of the duration have passed
        var turn = store.CurrentAsync();
        Assert.True(turn.IsCompletedSuccessfully, "a turn with a copy that has not expired must not wait for storage");
        Assert.Equal(0, (await turn).Version);
        await gated.ReadStarted(2);
        Assert.Equal(0, (await store.CurrentAsync()).Version); // the same read is shared, not started again
        Assert.Equal(2, gated.Reads);

        gated.Open();
        await WaitUntilAsync(async () => (await store.CurrentAsync()).Version == 1);
        Assert.Equal(2, gated.Reads);
    }

    [Fact]
    public async Task CurrentPolicy_OnceExpired_IsReadBeforeTheTurnGoesOn()
    {
        var (gated, store) = await CachedVersionZero_WhileAnotherInstanceSavesVersionOne();

        _clock.Advance(TimeSpan.FromSeconds(1));
        gated.Close();
        var turn = store.CurrentAsync();
        await gated.ReadStarted(2);
        Assert.False(turn.IsCompleted, "an expired copy must not be used");
        gated.Open();
        Assert.Equal(1, (await turn).Version);
    }

    [Fact]
    public async Task CurrentPolicy_WithNoCache_IsReadAtEveryTurn()
    {
        var counting = new CountingStorage(_temp.Storage);
        var store = Store(counting, cache: TimeSpan.Zero);
        await store.CurrentAsync();
        await store.CurrentAsync();
        Assert.Equal(2, counting.Reads);
    }

    [Fact]
    public async Task CurrentPolicy_ABackgroundReadThatFails_IsTriedAgainByTheNextTurn()
    {
        var (gated, store) = await CachedVersionZero_WhileAnotherInstanceSavesVersionOne();

        _clock.Advance(TimeSpan.FromMilliseconds(800));
        gated.FailNext = true;
        Assert.Equal(0, (await store.CurrentAsync()).Version);
        await WaitUntilAsync(() => Task.FromResult(gated.Failures == 1));
        await WaitUntilAsync(async () => (await store.CurrentAsync()).Version == 1);
        Assert.Equal(3, gated.Reads);
    }

    /// <summary>A store with a 1 s cache that has read version 0, after which another instance saves version 1.</summary>
    private async Task<(GatedReads Gated, PolicyStore Store)> CachedVersionZero_WhileAnotherInstanceSavesVersionOne()
    {
        var gated = new GatedReads(_temp.Storage);
        var store = Store(gated, cache: TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await store.CurrentAsync()).Version);
        await Store().ChangeAsync(Ann, Set("follow-requests", "accept-all"));
        return (gated, store);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not reached within 10 s");
            await Task.Delay(10);
        }
    }

    /// <summary>Reads that can be held until the test lets them through, or made to fail once.</summary>
    private sealed class GatedReads(IStorage inner) : IStorage
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource _gate = Opened();
        private int _reads;
        private int _failures;
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

        public int Reads => Volatile.Read(ref _reads);

        public int Failures => Volatile.Read(ref _failures);

        public volatile bool FailNext;

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        public void Close()
        {
            lock (_lock) _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open()
        {
            lock (_lock) _gate.TrySetResult();
        }

        /// <summary>Completes once <paramref name="count"/> reads have started.</summary>
        public Task ReadStarted(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock)
            {
                if (_reads >= count) return Task.CompletedTask;
                _waiters.Add((count, reached));
            }
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        public async Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
        {
            Task gate;
            lock (_lock)
            {
                _reads++;
                foreach (var waiter in _waiters.Where(w => _reads >= w.Count).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
                gate = _gate.Task;
            }
            await gate.WaitAsync(cancellationToken);
            if (FailNext)
            {
                FailNext = false;
                Interlocked.Increment(ref _failures);
                throw new IOException("storage unavailable (test)");
            }
            return await inner.ReadAsync(keys, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(keys, cancellationToken);
    }
}
