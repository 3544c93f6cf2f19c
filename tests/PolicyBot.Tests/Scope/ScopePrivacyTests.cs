using System.Net;
using Azure.Storage.Blobs;
using BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// Nothing a worker types reaches storage or the logs, whatever kind of message it was: the real host on Blob
/// storage (a real Azurite), every blob read back afterwards. The recogniser's answer may be counted in the
/// logs (its kind), never the text. The invented marker "zebra-quartz" stands for what she typed.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class ScopePrivacyTests(AzuriteFixture azurite)
{
    private const string Marker = "zebra-quartz";

    [Fact]
    public async Task NothingTyped_ReachesBlobStorageOrTheLogs_OnlyTheKindIsCounted()
    {
        var container = $"scope-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:ContainerName"] = container,
            // What a turn recognised is logged at Debug (per-turn lines are): look at every line.
            ["Logging:LogLevel:Default"] = "Debug",
        };
        await using var connector = await FakeConnector.StartAsync();
        var teams = new TeamsActivities(connector.ServiceUrl);
        using var host = new BotHost(settings);

        Activity[] turns =
        [
            teams.Message($"{Marker} threatened to kill her in a comment on our post"),
            teams.Submit(new { action = "situation", situation = "hostile-comment" }),
            teams.Message($"{Marker} is outside with a knife right now"),
            teams.Message("cancel"),
            teams.Message($"can {Marker} sue us for defamation over our post?"),
            teams.Message($"the {Marker} printer is jammed again"),
            teams.Message("hello"),
            teams.Message("thanks!"),
        ];
        foreach (var activity in turns)
        {
            using var response = await host.PostAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The bot did answer each kind: a safety card, twice (once inside the situation).
        var visible = connector.Messages.Select(BotFramework.Testing.CardReader.VisibleText).ToList();
        Assert.Equal(2, visible.Count(v => v.Contains("If someone is in danger right now", StringComparison.Ordinal)));
        Assert.Contains(visible, v => v.Contains("I don't give legal advice.", StringComparison.Ordinal));
        Assert.Contains(visible, v => v.Contains("I only know your organisation's social-media policy", StringComparison.Ordinal));

        var blobs = new BlobContainerClient(azurite.ConnectionString, container);
        var stored = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync())
        {
            stored.Add((await blobs.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }
        Assert.NotEmpty(stored);
        Assert.All(stored, document => Assert.DoesNotContain("zebra", document, StringComparison.OrdinalIgnoreCase));

        var logs = host.Logs.Lines.ToList();
        Assert.DoesNotContain(logs, line => line.Contains("zebra", StringComparison.OrdinalIgnoreCase));
        foreach (var kind in new[] { "Crisis", "Legal", "Unrelated", "Greeting", "Thanks" })
        {
            Assert.Contains(logs, line => line.Contains($"recognised as {kind}", StringComparison.Ordinal));
        }
    }
}
