using BotFramework.State;

namespace BotFramework.Testing;

/// <summary>
/// Counts the documents read, written and deleted through another storage (one per key, attempted or
/// not, since each is one storage call for blobs) — to prove how many storage calls a turn makes.
/// </summary>
public sealed class CountingStorage(IStorage inner) : IStorage
{
    private readonly IStorage _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private long _reads;
    private long _writes;
    private long _deletes;
    private long _conflicts;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public long Deletes => Interlocked.Read(ref _deletes);

    /// <summary>Writes that failed with <see cref="EtagConflictException"/>.</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    public long Calls => Reads + Writes + Deletes;

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _deletes, 0);
        Interlocked.Exchange(ref _conflicts, 0);
    }

    public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Interlocked.Add(ref _reads, keys.Count);
        return _inner.ReadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Interlocked.Add(ref _writes, changes.Count);
        try
        {
            return await _inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Interlocked.Add(ref _deletes, keys.Count);
        return _inner.DeleteAsync(keys, cancellationToken);
    }
}
