using System.Text.Json.Nodes;
using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// A key/document store with optimistic concurrency. Every write is conditional:
/// <list type="bullet">
/// <item><c>ETag == null</c>: create only — fails with <see cref="EtagConflictException"/> if the key exists.</item>
/// <item><c>ETag == "*"</c>: write whatever is there (used only where last-write-wins is intended).</item>
/// <item>any other value: replace only if the stored ETag still equals it, else <see cref="EtagConflictException"/>.</item>
/// </list>
/// A successful write returns the new ETag of each key. Reads of missing keys are simply absent from the result.
/// </summary>
public interface IStorage
{
    Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the keys; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}

/// <summary>A stored JSON document with the ETag it was read with (or the condition to write it with).</summary>
public sealed record StoredDocument(JsonObject Document, string? ETag);

/// <summary>A conditional write lost: someone else changed (or created) the document since it was read.</summary>
public sealed class EtagConflictException : TurnConflictException
{
    public EtagConflictException(string key, Exception? inner = null)
        : base($"The document '{key}' was changed by someone else since it was read (ETag conflict).", inner) => Key = key;

    public string Key { get; }
}

/// <summary>
/// A storage whose documents can be listed by key prefix and deleted only if unchanged — what deleting
/// expired state needs (<see cref="ExpiredStateSweeper"/>). <see cref="FileStorage"/> and <see cref="BlobStorage"/> are.
/// </summary>
public interface IListableStorage : IStorage
{
    /// <summary>The documents whose key starts with <paramref name="keyPrefix"/>, with when each was last written.</summary>
    IAsyncEnumerable<StoredKey> ListAsync(string keyPrefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document if its ETag is still <paramref name="eTag"/>; false when it changed or is gone.</summary>
    Task<bool> DeleteIfUnchangedAsync(string key, string eTag, CancellationToken cancellationToken = default);
}

/// <summary>A listed document: its key and when the storage last wrote it.</summary>
public sealed record StoredKey(string Key, DateTimeOffset LastModified);
