using BotFramework.State;

namespace BotFramework.Tests.State;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobStorageTests(AzuriteFixture azurite) : StorageContractTests, IAsyncLifetime
{
    private readonly BlobStorage _storage = new(azurite.ConnectionString, $"contract-{Guid.NewGuid():N}");

    protected override IStorage Storage => _storage;

    protected override async Task<IReadOnlyList<string>> ListStoredKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var blob in _storage.Container.GetBlobsAsync()) keys.Add(BlobStorage.KeyFromBlobName(blob.Name));
        return keys;
    }

    [Fact]
    public async Task Write_StoresJsonWithItsContentType_UnderTheEscapedKey()
    {
        var etag = await CreateAsync("msteams/users/29:1abc", Doc(1));

        var blob = _storage.Container.GetBlobClient("msteams/users/29%3A1abc");
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(etag, properties.ETag.ToString());
        Assert.Equal("""{"count":1,"topic":"expenses","done":false}""", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Read_BeforeTheContainerExists_FindsNothing_AndCreatesNothing()
    {
        Assert.Empty(await Storage.ReadAsync(["test/users/u1", "test/users/u2"]));

        Assert.False(await _storage.Container.ExistsAsync());
    }

    [Fact]
    public async Task Write_AfterTheContainerWasDeleted_CreatesItAgain()
    {
        await CreateAsync("test/users/u1", Doc(1));
        await _storage.Container.DeleteAsync();

        await CreateAsync("test/users/u1", Doc(2));

        AssertJsonEqual(Doc(2), (await ReadOneAsync("test/users/u1")).Document);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.Container.DeleteIfExistsAsync();
}
