using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using BotFramework.State;

namespace BotFramework.Tests.State;

/// <summary>
/// A conditional write whose first try reached Azurite and was applied, but whose response never came back:
/// the Azure SDK sends it again, and the second try finds the ETag changed. The storage must know its own
/// write was applied, and must not report a conflict that would make the caller apply its change twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobStorageLostResponseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "test/conversations/c1";
    private readonly string _containerName = $"lost-{Guid.NewGuid():N}";
    private readonly LoseResponses _lose = new();
    private BlobStorage _storage = null!;
    private BlobStorage _other = null!;

    public Task InitializeAsync()
    {
        var options = BlobStorage.CreateDefaultClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(_lose, HttpPipelinePosition.PerRetry);
        _storage = new BlobStorage(azurite.ConnectionString, _containerName, options);
        _other = new BlobStorage(azurite.ConnectionString, _containerName);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _other.Container.DeleteIfExistsAsync();

    [Fact]
    public async Task ConditionalWrite_WhoseResponseWasLost_Succeeds_WithTheBlobsETag()
    {
        var first = await WriteAsync(_storage, Count(1), etag: null);
        _lose.Next = 1;

        var second = await WriteAsync(_storage, Count(2), first);

        Assert.Equal(0, _lose.Next);
        var found = await ReadAsync(_other);
        Assert.Equal(2, CountOf(found));
        Assert.Equal(found.ETag, second);
        Assert.Equal(3, CountOf(await ReadAsync(_other, after: await WriteAsync(_storage, Count(3), second))));
    }

    [Fact]
    public async Task Create_WhoseResponseWasLost_Succeeds()
    {
        _lose.Next = 1;

        var created = await WriteAsync(_storage, Count(1), etag: null);

        Assert.Equal(0, _lose.Next);
        var found = await ReadAsync(_other);
        Assert.Equal(1, CountOf(found));
        Assert.Equal(found.ETag, created);
    }

    [Fact]
    public async Task ConditionalWrite_WhoseResponseWasLost_AndThatOthersWroteOver_Succeeds_WithAnETagThatConflicts()
    {
        var first = await WriteAsync(_storage, Count(1), etag: null);
        _lose.Next = 1;
        _lose.BeforeLosing = async () =>
        {
            // Two writes by another instance, each on top of what it read, before the retry.
            for (var i = 0; i < 2; i++)
            {
                var seen = await ReadAsync(_other);
                await WriteAsync(_other, Count(CountOf(seen) * 10), seen.ETag);
            }
        };

        var written = await WriteAsync(_storage, Count(2), first);

        Assert.Equal(200, CountOf(await ReadAsync(_other)));
        await Assert.ThrowsAsync<EtagConflictException>(() => WriteAsync(_storage, Count(3), written));
        Assert.Equal(200, CountOf(await ReadAsync(_other)));
    }

    [Fact]
    public async Task ConditionalWrite_ThatLost_IsStillAConflict_WhenTheBlobHasAListOfWrites()
    {
        var first = await WriteAsync(_storage, Count(1), etag: null);
        await WriteAsync(_other, Count(5), (await ReadAsync(_other)).ETag);

        await Assert.ThrowsAsync<EtagConflictException>(() => WriteAsync(_storage, Count(2), first));

        Assert.Equal(5, CountOf(await ReadAsync(_other)));
    }

    [Fact]
    public async Task ParallelIncrements_WithEveryThirdResponseLost_CountEachIncrementOnce()
    {
        await WriteAsync(_other, Count(0), etag: null);
        _lose.Every = 3;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => StorageContractTests.IncrementCountAsync(_storage, Key))));

        Assert.True(_lose.Lost > 0, "No response was lost: the test did not test anything.");
        Assert.Equal(20, CountOf(await ReadAsync(_other)));
    }

    [Fact]
    public async Task TheListOfWrites_KeepsTheLastSixteen()
    {
        var etag = await WriteAsync(_storage, Count(0), etag: null);
        for (var i = 1; i <= 40; i++) etag = await WriteAsync(_storage, Count(i), etag);

        var properties = (await _storage.Container.GetBlobClient(BlobStorage.ToBlobName(Key)).GetPropertiesAsync()).Value;

        var ids = properties.Metadata[BlobStorage.WritesMetadataName].Split(',');
        Assert.Equal(16, ids.Length);
        Assert.Equal(16, ids.Distinct().Count());
    }

    private static JsonObject Count(int value) => new() { ["count"] = value };

    private static int CountOf(StoredDocument document) => document.Document["count"]!.GetValue<int>();

    private static async Task<string> WriteAsync(BlobStorage storage, JsonObject document, string? etag) =>
        (await storage.WriteAsync(new Dictionary<string, StoredDocument> { [Key] = new(document, etag) }))[Key];

    private static async Task<StoredDocument> ReadAsync(BlobStorage storage, string? after = null)
    {
        var found = (await storage.ReadAsync([Key]))[Key];
        if (after is not null) Assert.Equal(after, found.ETag);
        return found;
    }

    /// <summary>Lets a conditional Put Blob reach the service, then throws its response away as a dropped connection would.</summary>
    private sealed class LoseResponses : HttpPipelinePolicy
    {
        private int _puts;
        private int _next;
        private int _lost;

        /// <summary>How many of the next conditional writes lose their response.</summary>
        public int Next { get => Volatile.Read(ref _next); set => Volatile.Write(ref _next, value); }

        /// <summary>Lose the response of every n-th conditional write (0: none).</summary>
        public int Every { get; set; }

        public int Lost => Volatile.Read(ref _lost);

        /// <summary>Runs after the write was applied and before its response is lost.</summary>
        public Func<Task>? BeforeLosing { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The storage only makes asynchronous calls.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var conditionalPut = message.Request.Method == RequestMethod.Put
                && (message.Request.Headers.Contains("If-Match") || message.Request.Headers.Contains("If-None-Match"));
            if (!conditionalPut || message.Response.Status >= 300 || !ShouldLose()) return;
            if (BeforeLosing is { } before) await before();
            Interlocked.Increment(ref _lost);
            throw new IOException("The connection was reset before the response arrived (simulated).");
        }

        private bool ShouldLose()
        {
            var put = Interlocked.Increment(ref _puts);
            if (Every > 0) return put % Every == 0;
            while (true)
            {
                var next = Next;
                if (next == 0) return false;
                if (Interlocked.CompareExchange(ref _next, next - 1, next) == next) return true;
            }
        }
    }
}
