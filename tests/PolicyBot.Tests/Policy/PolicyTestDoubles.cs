using BotFramework.State;

namespace PolicyBot.Tests.Policy;

/// <summary>A storage that runs <see cref="BeforeWrite"/> just before a write of a given key, once — to stage races deterministically.</summary>
internal sealed class InterleavingStorage(IStorage inner) : IStorage
{
    public Func<string, Task>? BeforeWrite { get; set; }

    public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        if (BeforeWrite is { } hook)
        {
            foreach (var key in changes.Keys) await hook(key);
        }
        return await inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
}

/// <summary>A <see cref="FileStorage"/> in a temp folder, deleted at the end.</summary>
internal sealed class TempStorage : IDisposable
{
    private readonly TempFolder _folder = new();

    public TempStorage() => Storage = new FileStorage(_folder.Path);

    public string Folder => _folder.Path;

    public FileStorage Storage { get; }

    public void Dispose() => _folder.Dispose();
}
