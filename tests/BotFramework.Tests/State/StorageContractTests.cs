using System.Text.Json.Nodes;
using BotFramework.State;

namespace BotFramework.Tests.State;

/// <summary>What every <see cref="IStorage"/> must do; each storage runs these against a fresh, empty store.</summary>
public abstract class StorageContractTests
{
    protected abstract IStorage Storage { get; }

    /// <summary>The keys of every stored document, decoded from the store's own names (files, blobs).</summary>
    protected abstract Task<IReadOnlyList<string>> ListStoredKeysAsync();

    [Fact]
    public async Task Read_MissingKey_IsAbsent()
    {
        var found = await Storage.ReadAsync(["test/conversations/nobody"]);

        Assert.Empty(found);
    }

    [Fact]
    public async Task Write_WithoutETag_CreatesTheDocument_AndReadReturnsItWithTheSameETag()
    {
        var etag = await CreateAsync("test/conversations/c1", Doc(1));

        var found = await ReadOneAsync("test/conversations/c1");

        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, found.ETag);
        AssertJsonEqual(Doc(1), found.Document);
    }

    [Fact]
    public async Task Write_WithoutETag_WhenTheDocumentExists_Conflicts_AndKeepsIt()
    {
        await CreateAsync("test/conversations/c1", Doc(1));

        var conflict = await Assert.ThrowsAsync<EtagConflictException>(() => WriteOneAsync("test/conversations/c1", Doc(2), etag: null));

        Assert.Equal("test/conversations/c1", conflict.Key);
        AssertJsonEqual(Doc(1), (await ReadOneAsync("test/conversations/c1")).Document);
    }

    [Fact]
    public async Task Write_WithTheCurrentETag_Replaces_AndReturnsANewETag()
    {
        var first = await CreateAsync("test/conversations/c1", Doc(1));

        var second = await WriteOneAsync("test/conversations/c1", Doc(2), first);

        var found = await ReadOneAsync("test/conversations/c1");
        Assert.NotEqual(first, second);
        Assert.Equal(second, found.ETag);
        AssertJsonEqual(Doc(2), found.Document);
    }

    [Fact]
    public async Task Write_WithAStaleETag_Conflicts_AndLeavesTheStoredDocumentUnchanged()
    {
        var stale = await CreateAsync("test/conversations/c1", Doc(1));
        var current = await WriteOneAsync("test/conversations/c1", Doc(2), stale);

        await Assert.ThrowsAsync<EtagConflictException>(() => WriteOneAsync("test/conversations/c1", Doc(3), stale));

        var found = await ReadOneAsync("test/conversations/c1");
        Assert.Equal(current, found.ETag);
        AssertJsonEqual(Doc(2), found.Document);
    }

    [Fact]
    public async Task Write_WithTheETagOfADeletedDocument_Conflicts_AndDoesNotRecreateIt()
    {
        var etag = await CreateAsync("test/conversations/c1", Doc(1));
        await Storage.DeleteAsync(["test/conversations/c1"]);

        await Assert.ThrowsAsync<EtagConflictException>(() => WriteOneAsync("test/conversations/c1", Doc(2), etag));

        Assert.Empty(await Storage.ReadAsync(["test/conversations/c1"]));
    }

    [Fact]
    public async Task Write_WithStar_OverwritesWhateverIsStored_OrCreates()
    {
        await CreateAsync("test/conversations/c1", Doc(1));

        var replaced = await WriteOneAsync("test/conversations/c1", Doc(2), "*");
        var created = await WriteOneAsync("test/conversations/c2", Doc(3), "*");

        Assert.Equal(replaced, (await ReadOneAsync("test/conversations/c1")).ETag);
        AssertJsonEqual(Doc(2), (await ReadOneAsync("test/conversations/c1")).Document);
        Assert.Equal(created, (await ReadOneAsync("test/conversations/c2")).ETag);
    }

    [Fact]
    public async Task Delete_RemovesTheDocument_AndAMissingKeyIsIgnored()
    {
        await CreateAsync("test/conversations/c1", Doc(1));

        await Storage.DeleteAsync(["test/conversations/c1", "test/conversations/never-written"]);
        await Storage.DeleteAsync(["test/conversations/c1"]);

        Assert.Empty(await Storage.ReadAsync(["test/conversations/c1"]));
        Assert.Empty(await ListStoredKeysAsync());
    }

    [Fact]
    public async Task SeveralKeys_AreWrittenAndReadInOneCall()
    {
        var etags = await Storage.WriteAsync(new Dictionary<string, StoredDocument>
        {
            ["test/conversations/c1"] = new(Doc(1), null),
            ["test/users/u1"] = new(Doc(2), null),
            ["test/users/u2"] = new(Doc(3), null),
        });

        var found = await Storage.ReadAsync(["test/conversations/c1", "test/users/u1", "test/users/u2", "test/users/missing"]);

        Assert.Equal(3, etags.Count);
        Assert.Equal(["test/conversations/c1", "test/users/u1", "test/users/u2"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(etags["test/users/u1"], found["test/users/u1"].ETag);
        AssertJsonEqual(Doc(3), found["test/users/u2"].Document);
    }

    [Theory]
    [InlineData("msteams/conversations/a:1Xy-Z_9.AbC;messageid=1700000000000")]
    [InlineData("msteams/conversations/19:abc123@thread.tacv2;messageid=1")]
    [InlineData("msteams/users/29:1abcDEF-ghi_JKL")]
    [InlineData("emulator/users/a user with spaces")]
    [InlineData("test/users/Zoë 日本語 😀")]
    [InlineData("50% off?#&=+,'\"<>|\\*")]
    [InlineData("/leading//double/./dot/../trailing.dot./")]
    [InlineData("~tilde.json")]
    public async Task Keys_WithSpecialCharacters_RoundTrip_AndListBackAsTheSameKey(string key)
    {
        var etag = await CreateAsync(key, Doc(7));

        var found = await Storage.ReadAsync([key]);

        Assert.Equal(key, Assert.Single(found).Key);
        Assert.Equal(etag, found[key].ETag);
        Assert.Equal(key, Assert.Single(await ListStoredKeysAsync()));
    }

    [Fact]
    public async Task Keys_DifferingOnlyInCase_AreDifferentDocuments()
    {
        await CreateAsync("msteams/users/29:1AbC", Doc(1));
        await CreateAsync("msteams/users/29:1aBc", Doc(2));

        AssertJsonEqual(Doc(1), (await ReadOneAsync("msteams/users/29:1AbC")).Document);
        AssertJsonEqual(Doc(2), (await ReadOneAsync("msteams/users/29:1aBc")).Document);
    }

    [Fact]
    public async Task LongKey_RoundTrips()
    {
        var key = "msteams/conversations/a:" + string.Concat(Enumerable.Repeat("Xy9-Zé:", 40));

        await CreateAsync(key, Doc(1));

        AssertJsonEqual(Doc(1), (await ReadOneAsync(key)).Document);
        Assert.Equal(key, Assert.Single(await ListStoredKeysAsync()));
    }

    [Fact]
    public async Task ParallelReadModifyWrite_RetriedOnConflict_LosesNoIncrement()
    {
        const string key = "test/conversations/counter";
        await CreateAsync(key, new JsonObject { ["count"] = 0 });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => IncrementCountAsync(Storage, key))));

        Assert.Equal(20, (await ReadOneAsync(key)).Document["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task LargeDocument_RoundTrips()
    {
        var items = new JsonArray();
        for (var i = 0; i < 2000; i++) items.Add($"{i:D5} {new string('x', 90)} ünïcødé");
        var large = new JsonObject { ["items"] = items, ["nested"] = new JsonObject { ["deep"] = new JsonArray(1, 2.5, true, null, "s") } };
        Assert.True(large.ToJsonString().Length > 200_000);

        await CreateAsync("test/conversations/large", large);

        AssertJsonEqual(large, (await ReadOneAsync("test/conversations/large")).Document);
    }

    /// <summary>
    /// Adds one to the document's <c>count</c>: read, add, write on the ETag read, and again on a conflict, as a turn
    /// does; fails the test after 200 lost races in a row.
    /// </summary>
    internal static async Task IncrementCountAsync(IStorage storage, string key)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var current = (await storage.ReadAsync([key]))[key];
            current.Document["count"] = current.Document["count"]!.GetValue<int>() + 1;
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoredDocument> { [key] = current });
                return;
            }
            catch (EtagConflictException)
            {
            }
        }
        Assert.Fail("An increment lost 200 races in a row.");
    }

    protected static JsonObject Doc(int value) => new() { ["count"] = value, ["topic"] = "expenses", ["done"] = false };

    protected async Task<string> CreateAsync(string key, JsonObject document) => await WriteOneAsync(key, document, etag: null);

    protected async Task<string> WriteOneAsync(string key, JsonObject document, string? etag) =>
        (await Storage.WriteAsync(new Dictionary<string, StoredDocument> { [key] = new(document, etag) }))[key];

    protected async Task<StoredDocument> ReadOneAsync(string key)
    {
        var found = await Storage.ReadAsync([key]);
        Assert.True(found.ContainsKey(key), $"'{key}' was not found.");
        return found[key];
    }

    protected static void AssertJsonEqual(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()}\nbut got {actual.ToJsonString()}");
}
