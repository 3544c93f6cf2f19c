using System.Diagnostics;
using System.Text.Json.Nodes;
using BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace BotFramework.Tests.State;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobStorageAzuriteTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _containerName = $"wiring-{Guid.NewGuid():N}";
    private ServiceProvider? _services;

    [Fact]
    public async Task ConfiguredForAzureBlob_StateOfATurnIsOneBlobPerKey_WithTheExpectedNames()
    {
        var storage = Assert.IsType<BlobStorage>(Services.GetRequiredService<IStorage>());
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var turns = new StateTestTurns();
        turns.Use(new AutoSaveStateMiddleware(conversation, user));
        var activity = StateTestTurns.Message(conversation: "19:abc@thread.tacv2;messageid=1700000000000", user: "29:1abc-XYZ");

        await turns.ProcessActivityAsync(activity, async (turn, ct) =>
        {
            await conversation.CreateProperty<int>("step").SetAsync(turn, 1, ct);
            await user.CreateProperty<string>("language").SetAsync(turn, "de", ct);
        });
        await turns.ProcessActivityAsync(activity, async (turn, ct) =>
        {
            var step = conversation.CreateProperty<int>("step");
            await step.SetAsync(turn, await step.GetAsync(turn, cancellationToken: ct) + 1, ct);
        });

        var names = new List<string>();
        await foreach (var blob in storage.Container.GetBlobsAsync()) names.Add(blob.Name);
        Assert.Equal(
            ["msteams/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000", "msteams/users/29%3A1abc-XYZ"],
            names.Order(StringComparer.Ordinal));
        var stored = await storage.ReadAsync(["msteams/conversations/19:abc@thread.tacv2;messageid=1700000000000"]);
        Assert.Equal(2, Assert.Single(stored).Value.Document["step"]!.GetValue<int>());
    }

    [Fact]
    public async Task WhileAzuriteIsDown_ReadsAndWritesFailWithinSeconds_AndAfterARestartTheDataIsIntact()
    {
        var storage = Services.GetRequiredService<IStorage>();
        var etags = await storage.WriteAsync(new Dictionary<string, StoredDocument> { ["msteams/users/29:1kept"] = new(new JsonObject { ["language"] = "fr" }, null) });

        var stop = Stopwatch.StartNew();
        await azurite.StopAsync();
        output.WriteLine($"stop: {stop.ElapsedMilliseconds} ms");
        try
        {
            var read = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<Exception>(() => storage.ReadAsync(["msteams/users/29:1kept"]));
            output.WriteLine($"failed read: {read.ElapsedMilliseconds} ms");
            Assert.InRange(read.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));

            var write = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync(new Dictionary<string, StoredDocument> { ["msteams/users/29:1kept"] = new(new JsonObject(), "*") }));
            output.WriteLine($"failed write: {write.ElapsedMilliseconds} ms");
            Assert.InRange(write.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        }
        finally
        {
            var start = Stopwatch.StartNew();
            await azurite.StartAsync();
            output.WriteLine($"restart: {start.ElapsedMilliseconds} ms");
        }

        var found = await storage.ReadAsync(["msteams/users/29:1kept"]);
        Assert.Equal(etags["msteams/users/29:1kept"], found["msteams/users/29:1kept"].ETag);
        Assert.Equal("fr", found["msteams/users/29:1kept"].Document["language"]!.GetValue<string>());
    }

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:ContainerName"] = _containerName,
        }).Build();
        _services = new ServiceCollection().AddBotFrameworkStorage(configuration).AddBotFrameworkAzure().BuildServiceProvider();
        _services.GetRequiredService<IStartupValidator>().Validate();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is null) return;
        if (azurite.IsRunning) await ((BlobStorage)_services.GetRequiredService<IStorage>()).Container.DeleteIfExistsAsync();
        await _services.DisposeAsync();
    }
}
