using BotFramework.Builder;
using BotFramework.State;
using BotFramework.Testing;
using BotFramework.Tests.State;

namespace BotFramework.Tests.Builder;

/// <summary>
/// Two bot instances scaled out over one blob container (a real Azurite), each with its own storage
/// client and state: a re-delivery is answered once, whichever instance gets it and however they race.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class DeduplicationAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _containerName = $"dedup-{Guid.NewGuid():N}";
    private BlobStorage _first = null!;
    private BlobStorage _second = null!;

    public Task InitializeAsync()
    {
        _first = new BlobStorage(azurite.ConnectionString, _containerName);
        _second = new BlobStorage(azurite.ConnectionString, _containerName);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _first.Container.DeleteIfExistsAsync();

    private static TestAdapter Host(IStorage storage)
    {
        var state = new ConversationState(storage);
        return new TestAdapter(middleware: [new AutoSaveStateMiddleware(state), new DeduplicationMiddleware(state)]);
    }

    [Fact]
    public async Task RedeliveryToTheOtherInstance_IsNotProcessedAgain()
    {
        var first = Host(_first);
        var second = Host(_second);
        var bot = new CallbackBot(async (turn, ct) => await turn.SendActivityAsync("answer", ct));
        var activity = first.MakeMessage("post hostile");

        await first.SendAsync(activity, bot);
        await second.SendAsync(activity.Clone(), bot);

        Assert.Equal(1, bot.Calls);
        Assert.Single(first.ActiveQueue);
        Assert.Empty(second.ActiveQueue);
    }

    [Fact]
    public async Task SimultaneousDeliveriesToBothInstances_ReplyOnce()
    {
        var first = Host(_first);
        var second = Host(_second);
        var inside = 0;
        var bothInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new CallbackBot(async (turn, ct) =>
        {
            if (Interlocked.Increment(ref inside) == 2) bothInside.SetResult();
            await bothInside.Task;
            await turn.SendActivityAsync("answer", ct);
        });
        var activity = first.MakeMessage("post hostile");

        await Task.WhenAll(first.SendAsync(activity, bot), second.SendAsync(activity.Clone(), bot)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, bot.Calls);
        Assert.Equal(1, first.ActiveQueue.Count + second.ActiveQueue.Count);
    }
}
