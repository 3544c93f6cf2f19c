using BotFramework.State;

namespace BotFramework.Tests.State;

[Trait("Category", "Fast")]
public sealed class FileStorageTests : StorageContractTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileStorage _storage;

    public FileStorageTests() => _storage = new FileStorage(_folder.Path);

    protected override IStorage Storage => _storage;

    protected override Task<IReadOnlyList<string>> ListStoredKeysAsync()
    {
        IReadOnlyList<string> keys = Directory.EnumerateFiles(_storage.Folder, "*", SearchOption.AllDirectories)
            .Select(path => FileStorage.KeyFromRelativePath(Path.GetRelativePath(_storage.Folder, path)))
            .ToList();
        return Task.FromResult(keys);
    }

    [Fact]
    public async Task Write_LeavesOnlyTheDocumentFile_WithTheETagBesideTheDocument()
    {
        var etag = await CreateAsync("msteams/users/29:1abc", Doc(1));

        var file = Assert.Single(Directory.GetFiles(_storage.Folder, "*", SearchOption.AllDirectories));
        Assert.Equal("msteams%2Fusers%2F29%3A1abc.json", Path.GetFileName(file));
        Assert.Equal($$$"""{"eTag":"{{{etag}}}","document":{"count":1,"topic":"expenses","done":false}}""", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task ParallelWriters_NeverLeaveAPartialFileForReaders()
    {
        const string key = "test/conversations/busy";
        await CreateAsync(key, Doc(0));
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 300; i++) await WriteOneAsync(key, Doc(i), "*");
        });
        var reads = 0;
        while (!writer.IsCompleted)
        {
            Assert.Equal("expenses", (await ReadOneAsync(key)).Document["topic"]!.GetValue<string>());
            reads++;
        }
        await writer;

        Assert.True(reads > 0);
        Assert.Single(Directory.GetFiles(_storage.Folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CorruptFile_IsReportedWithItsKey()
    {
        await CreateAsync("test/users/u1", Doc(1));
        await File.WriteAllTextAsync(_storage.PathForKey("test/users/u1"), "{\"eTag\":\"x\",\"docu");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Storage.ReadAsync(["test/users/u1"]));

        Assert.Contains("test/users/u1", error.Message);
    }

    [Fact]
    public async Task Opening_DeletesTempFilesLeftByACrashedWriter_AndKeepsTheDocuments()
    {
        await CreateAsync("test/users/u1", Doc(1));
        await File.WriteAllTextAsync(Path.Combine(_storage.Folder, "~0123456789abcdef.tmp"), "{\"eTag\":");

        var reopened = new FileStorage(_folder.Path);

        Assert.Equal([Path.GetFileName(reopened.PathForKey("test/users/u1"))], Directory.GetFiles(_storage.Folder).Select(Path.GetFileName));
        AssertJsonEqual(Doc(1), (await reopened.ReadAsync(["test/users/u1"]))["test/users/u1"].Document);
    }

    public void Dispose() => _folder.Dispose();
}
