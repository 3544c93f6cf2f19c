using BotFramework.State;
using BotFramework.Testing;

namespace BotFramework.Tests.State;

/// <summary>The in-memory storage of the test kit keeps the same promises as the file and Blob storages.</summary>
[Trait("Category", "Fast")]
public sealed class MemoryStorageTests : StorageContractTests
{
    private readonly MemoryStorage _storage = new();

    protected override IStorage Storage => _storage;

    protected override Task<IReadOnlyList<string>> ListStoredKeysAsync() => Task.FromResult(_storage.Keys);
}
