using BotFramework.State;

namespace PolicyBot.Tests.Policy;

/// <summary>A clock that moves only when told.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

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

/// <summary>A temp folder of <see cref="FileStorage"/>, deleted at the end.</summary>
internal sealed class TempStorage : IDisposable
{
    public TempStorage()
    {
        Folder = Path.Combine(Path.GetTempPath(), "policybot-tests", "policy-" + Guid.NewGuid().ToString("N"));
        Storage = new FileStorage(Folder);
    }

    public string Folder { get; }

    public FileStorage Storage { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
