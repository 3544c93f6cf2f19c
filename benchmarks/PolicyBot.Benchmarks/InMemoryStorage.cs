using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BotFramework.State;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Keeps documents in memory with the same conditional-write rules as the real storages, so the
/// benchmark can measure the cost of a turn without any storage I/O.
/// </summary>
internal sealed class InMemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _documents = new(StringComparer.Ordinal);
    private long _etag;

    public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_documents.TryGetValue(key, out var stored)) found[key] = new StoredDocument(JsonNode.Parse(stored.Json)!.AsObject(), stored.ETag);
        }
        return Task.FromResult<IReadOnlyDictionary<string, StoredDocument>>(found);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, change) in changes)
        {
            var etag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var json = change.Document.ToJsonString();
            var written = change.ETag switch
            {
                null => _documents.TryAdd(key, (json, etag)),
                "*" => (_documents[key] = (json, etag)) == (json, etag),
                _ => _documents.TryGetValue(key, out var current) && current.ETag == change.ETag && _documents.TryUpdate(key, (json, etag), current),
            };
            if (!written) throw new EtagConflictException(key);
            etags[key] = etag;
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) _documents.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
