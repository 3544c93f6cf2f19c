using System.Text.Json.Nodes;
using BotFramework.Hosting;
using BotFramework.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotFramework.Tests.State;

/// <summary>
/// Expired conversation state is deleted, not only ignored: a conversation nobody comes back to would
/// otherwise stay in storage for ever. Run on both storages (Blob on a real Azurite).
/// </summary>
public abstract class ExpiredStateSweeperTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromHours(24);

    protected abstract IListableStorage Storage { get; }

    /// <summary>A clock a day and a half ahead of the storage's own, so what was written now looks old to the sweeper.</summary>
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private ConversationState Conversations => new(Storage, Expiry, _clock);

    private ExpiredStateSweeper Sweeper(ConversationState state, params string[] channels) =>
        new(Storage, state, Options.Create(new BotFrameworkOptions { AllowedChannels = channels }), new BotHostOptions().ExpiredStateSweepInterval, NullLogger<ExpiredStateSweeper>.Instance, _clock);

    private async Task SaveTurnAsync(ConversationState state, string conversation, string step = "asked", string channel = StateTestTurns.Channel)
    {
        var turn = new StateTestTurns().Turn(channel: channel, conversation: conversation);
        await state.CreateProperty<string>("step").SetAsync(turn, step);
        await state.SaveChangesAsync(turn);
    }

    [Fact]
    public async Task ConversationsUntouchedLongerThanTheExpiry_AreDeleted_OthersAndUserStateStay()
    {
        var state = Conversations;
        await SaveTurnAsync(state, "a:abandoned");
        await Storage.WriteAsync(new Dictionary<string, StoredDocument> { ["msteams/users/29:1kept"] = new(new JsonObject { ["language"] = "fr" }, null) });
        _clock.Advance(TimeSpan.FromHours(36));
        await SaveTurnAsync(state, "a:recent");

        var deleted = await Sweeper(state).SweepAsync();

        Assert.Equal(1, deleted);
        var left = await Storage.ReadAsync(["msteams/conversations/a:abandoned", "msteams/conversations/a:recent", "msteams/users/29:1kept"]);
        Assert.Equal(["msteams/conversations/a:recent", "msteams/users/29:1kept"], left.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheFirstPass_ComesWithinOneIntervalOfStart_NeverInTheFirstMinute()
    {
        var state = Conversations;
        await SaveTurnAsync(state, "a:abandoned");
        _clock.Advance(TimeSpan.FromHours(36));
        var interval = new BotHostOptions().ExpiredStateSweepInterval;
        using var sweeper = Sweeper(state);
        var timers = _clock.TimersCreated;

        await sweeper.StartAsync(CancellationToken.None);
        await _clock.WaitForTimersCreatedAsync(timers + 1).WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        Assert.Single(await Storage.ReadAsync(["msteams/conversations/a:abandoned"]));

        _clock.Advance(interval);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Storage.ReadAsync(["msteams/conversations/a:abandoned"])).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Empty(await Storage.ReadAsync(["msteams/conversations/a:abandoned"]));
        await sweeper.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.5, 30.5)]
    [InlineData(0.999999, 60)]
    public void TheFirstPass_IsSpreadOverTheFirstInterval(double unit, double minutes) =>
        Assert.Equal(minutes, ExpiredStateSweeper.FirstPassDelay(TimeSpan.FromHours(1), unit).TotalMinutes, precision: 2);

    [Fact]
    public void WithAOneMinuteInterval_TheFirstPassComesAfterAMinute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), ExpiredStateSweeper.FirstPassDelay(TimeSpan.FromMinutes(1), 0.7));

    [Fact]
    public async Task TheConversationsOfEachAllowedChannel_AreSwept_AndNothingElse()
    {
        var state = Conversations;
        await SaveTurnAsync(state, "a:abandoned");
        await SaveTurnAsync(state, "dl:abandoned", channel: "webchat");
        await Storage.WriteAsync(new Dictionary<string, StoredDocument> { ["policybot/conversations/not-state"] = new(new JsonObject { ["kept"] = true }, null) });
        _clock.Advance(TimeSpan.FromHours(36));

        Assert.Equal(1, await Sweeper(state).SweepAsync());                 // Teams only, by default
        Assert.Single(await Storage.ReadAsync(["webchat/conversations/dl:abandoned"]));
        Assert.Equal(1, await Sweeper(state, "msteams", "webchat").SweepAsync());
        Assert.Single(await Storage.ReadAsync(["policybot/conversations/not-state"]));
    }

    [Fact]
    public async Task AConversationWrittenAgainAfterItWasListed_IsNotDeleted()
    {
        var state = Conversations;
        await SaveTurnAsync(state, "a:comes-back");
        var stale = (await Storage.ReadAsync(["msteams/conversations/a:comes-back"]))["msteams/conversations/a:comes-back"];
        await SaveTurnAsync(state, "a:comes-back", step: "answered");

        Assert.False(await Storage.DeleteIfUnchangedAsync("msteams/conversations/a:comes-back", stale.ETag!));
        Assert.Single(await Storage.ReadAsync(["msteams/conversations/a:comes-back"]));
    }

    [Fact]
    public async Task Listing_FindsKeysByPrefix_WithWhenTheyWereWritten()
    {
        await Storage.WriteAsync(new Dictionary<string, StoredDocument>
        {
            ["msteams/conversations/19:abc@thread.tacv2;messageid=1"] = new(new JsonObject(), null),
            ["msteams/users/29:1user"] = new(new JsonObject(), null),
        });

        var listed = new List<StoredKey>();
        await foreach (var key in Storage.ListAsync("msteams/conversations/")) listed.Add(key);

        var only = Assert.Single(listed);
        Assert.Equal("msteams/conversations/19:abc@thread.tacv2;messageid=1", only.Key);
        Assert.InRange(only.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }
}

[Trait("Category", "Azurite")]
public sealed class FileStorageSweepTests : ExpiredStateSweeperTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private FileStorage? _storage;

    protected override IListableStorage Storage => _storage ??= new FileStorage(_folder.Path);

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobStorageSweepTests(AzuriteFixture azurite) : ExpiredStateSweeperTests
{
    private BlobStorage? _storage;

    protected override IListableStorage Storage => _storage ??= new BlobStorage(azurite.ConnectionString, $"sweep-{Guid.NewGuid():N}");
}
