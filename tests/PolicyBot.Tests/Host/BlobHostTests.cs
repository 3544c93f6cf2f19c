using System.Net;
using Azure.Storage.Blobs;
using BotFramework.State;
using BotFramework.Testing;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>The host with Storage:Provider=AzureBlob on a real Azurite of its own (this class may stop it).</summary>
[Trait("Category", "Host")]
public sealed class BlobHostTests : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly string _container = $"state-{Guid.NewGuid():N}"[..30];
    private FakeConnector _connector = null!;
    private TeamsActivities _teams = null!;

    public BlobHostTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        if (!_azurite.IsRunning) await _azurite.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        if (!_azurite.IsRunning) await _azurite.StartAsync();
    }

    private BotHost NewHost() => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:ConnectionString"] = _azurite.ConnectionString,
        ["Storage:ContainerName"] = _container,
    });

    /// <summary>The personal chat's state, kept inside her user document, and that document's ETag.</summary>
    private async Task<(System.Text.Json.Nodes.JsonObject State, string ETag)> ReadConversationAsync() =>
        await StoredChat.ReadAsync(new BlobStorage(_azurite.ConnectionString, _container), _teams.UserId, _teams.ConversationId)
            ?? throw new Xunit.Sdk.XunitException("the personal chat's state is not stored");

    [Fact]
    public async Task StateDocuments_AreBlobs_OnePerKey()
    {
        await using var host = NewHost();

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(_teams.Message("français"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(_teams.Message("menu"))).StatusCode);

        var names = new List<string>();
        await foreach (var blob in new BlobContainerClient(_azurite.ConnectionString, _container).GetBlobsAsync()) names.Add(blob.Name);
        // One blob for her: the personal chat's state lives inside her user document.
        Assert.Equal([BlobStorage.ToBlobName("msteams/users/29:user-0001")], names);
        Assert.Equal(2, (await ReadConversationAsync()).State["_recentActivityIds"]!.AsArray().Count);
        Assert.Equal("D'accord, je vous parle maintenant en français.", _connector.Messages[0].Text);
        Assert.Contains("Quelle situation vivez-vous?", CardReader.VisibleText(_connector.Messages[1]));
    }

    [Fact]
    public async Task TwoHostsSharingTheContainer_NeverLoseATurn()
    {
        await using var first = NewHost();
        await using var second = NewHost();
        // Each turn writes both documents: the user's language (user state) and the handled id (conversation state).
        var messages = Enumerable.Range(0, 20).Select(i => _teams.Message(i % 2 == 0 ? "français" : "english", id: $"1700000002{i:D3}")).ToList();

        // Both hosts take turns of the same conversation at the same time; a turn whose write loses the
        // ETag race runs again on fresh state, and one that still fails answers 5xx — Teams then re-sends it.
        var pending = messages;
        for (var round = 0; round < 5 && pending.Count > 0; round++)
        {
            var results = await Task.WhenAll(pending.Select((m, i) => (i % 2 == 0 ? first : second).PostAsync(m)));
            pending = [.. pending.Where((_, i) => results[i].StatusCode != HttpStatusCode.OK)];
            Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.InternalServerError, r.StatusCode.ToString()));
        }

        Assert.Empty(pending);
        var recorded = (await ReadConversationAsync()).State["_recentActivityIds"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(messages.Select(m => m.Id).Order(), recorded.Order());
        Assert.Equal(20, _connector.Messages.Count);
    }

    [Fact]
    public async Task WithStorageDown_ATurnFailsCleanly_AndAfterwardsTheEarlierStateIsIntact()
    {
        await using var host = NewHost();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(_teams.Message("français"))).StatusCode);
        var before = await ReadConversationAsync();

        await _azurite.StopAsync();
        var during = await host.PostAsync(_teams.Message("english"));

        Assert.True((int)during.StatusCode >= 500, $"expected 5xx, got {(int)during.StatusCode}");
        Assert.Single(_connector.Messages); // nothing was sent for the failed turn
        Assert.Contains(host.Logs.Lines, l => l.Contains("turn failed", StringComparison.Ordinal));

        await _azurite.StartAsync();
        var after = await ReadConversationAsync();
        Assert.Equal(before.ETag, after.ETag);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(_teams.Message("menu"))).StatusCode);
        // The language chosen before the outage is still there: the failed turn saved nothing.
        Assert.Contains("Quelle situation vivez-vous?", CardReader.VisibleText(_connector.Messages[^1]));
    }
}
