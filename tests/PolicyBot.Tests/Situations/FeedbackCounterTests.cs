using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Situations;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Policy;

namespace PolicyBot.Tests.Situations;

/// <summary>
/// The "was this helpful?" counts wait in the instance's memory and are written together: nothing to write costs no
/// storage call, a failed write keeps them for the next, a stopping host writes them, and two instances writing at once
/// both count (their conditional writes merge). What a vote turn costs is in <c>PersonalChatStorageCallsTests</c>; that a
/// turn which runs again counts once is in <c>TurnRunsAgainTests</c>.
/// </summary>
[Trait("Category", "Fast")]
public sealed class FeedbackCounterTests
{
    private const string Topic = "hostile-comment";

    [Fact]
    public async Task NothingGathered_MakesNoStorageCall()
    {
        using var temp = new TempStorage();
        var counting = new CountingStorage(temp.Storage);
        var counter = Counter(counting);

        await counter.FlushAsync();

        Assert.Equal(0, counting.Reads);
        Assert.Equal(0, counting.Writes);
        Assert.False(counter.HasPending);
    }

    [Fact]
    public async Task GatheredAnswers_AreWrittenInOneUpdate_AndAChangedAnswerMovesItsCount()
    {
        using var temp = new TempStorage();
        var counting = new CountingStorage(temp.Storage);
        var counter = Counter(counting);
        counter.Add(Topic, helpful: true);
        counter.Add(Topic, helpful: true);
        counter.Add(Topic, helpful: false, replacing: true); // the second person changed her mind
        counter.Add("connecting-with-others", helpful: false);

        Assert.Equal(2, (await counter.TotalsAsync())[Topic]); // two people; this instance sees them before the write
        counting.Reset();
        await counter.FlushAsync();

        Assert.Equal(1, counting.Writes);
        Assert.False(counter.HasPending);
        Assert.Equal((1, 1), await StoredFeedback.CountsAsync(temp.Storage, Topic));
        Assert.Equal((0, 1), await StoredFeedback.CountsAsync(temp.Storage, "connecting-with-others"));
    }

    [Fact]
    public async Task AFailedWrite_KeepsTheCountsForTheNext()
    {
        using var temp = new TempStorage();
        var failing = new FailingStorage(temp.Storage) { FailWrites = true };
        var counter = Counter(failing);
        counter.Add(Topic, helpful: true);

        await Assert.ThrowsAsync<IOException>(() => counter.FlushAsync());
        Assert.True(counter.HasPending);
        counter.Add(Topic, helpful: true);
        failing.FailWrites = false;
        await counter.FlushAsync();

        Assert.Equal((2, 0), await StoredFeedback.CountsAsync(temp.Storage, Topic));
    }

    [Fact]
    public async Task TheFlushService_WritesOnItsTick_AndWhenTheHostStops()
    {
        using var temp = new TempStorage();
        var counter = Counter(temp.Storage);
        var clock = new ManualClock();
        var service = new FeedbackFlushService(counter, Options.Create(new FeedbackOptions { FlushInterval = TimeSpan.FromSeconds(5) }),
            NullLogger<FeedbackFlushService>.Instance, clock);
        await service.StartAsync(CancellationToken.None);
        await clock.WaitForTimersCreatedAsync(1);

        counter.Add(Topic, helpful: true);
        clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(async () => await StoredFeedback.CountsAsync(temp.Storage, Topic) == (1, 0));
        Assert.False(counter.HasPending);

        counter.Add(Topic, helpful: false);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal((1, 1), await StoredFeedback.CountsAsync(temp.Storage, Topic));
    }

    private static FeedbackCounter Counter(IStorage storage) => new(storage, new UserState(storage));

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await done()) return;
            await Task.Delay(10);
        }
        Assert.Fail("the counts were not written on the tick");
    }

    /// <summary>A storage whose writes fail while <see cref="FailWrites"/> is set (a storage outage).</summary>
    private sealed class FailingStorage(IStorage inner) : IStorage
    {
        public bool FailWrites { get; set; }

        public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default) =>
            FailWrites ? throw new IOException("storage unreachable") : inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}

/// <summary>Two instances on one Blob container (Azurite) writing their gathered counts at the same moment: both count.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class FeedbackCounterAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstances_WritingAtOnce_BothCount()
    {
        var container = $"feedback-{Guid.NewGuid():N}"[..30];
        var first = new BlobStorage(azurite.ConnectionString, container);
        var second = new BlobStorage(azurite.ConnectionString, container);
        var one = new FeedbackCounter(first, new UserState(first));
        var other = new FeedbackCounter(second, new UserState(second));
        for (var i = 0; i < 3; i++) one.Add("hostile-comment", helpful: true);
        for (var i = 0; i < 2; i++) other.Add("hostile-comment", helpful: false);
        other.Add("connecting-with-others", helpful: true);

        await Task.WhenAll(one.FlushAsync(), other.FlushAsync());

        Assert.Equal((3, 2), await StoredFeedback.CountsAsync(first, "hostile-comment"));
        Assert.Equal((1, 0), await StoredFeedback.CountsAsync(second, "connecting-with-others"));
    }
}
