using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using BotFramework.State;

namespace BotFramework.Testing;

/// <summary>
/// An <see cref="IStorage"/> that keeps documents in memory, with the same conditional-write rules as the
/// file and Blob storages (it passes the same storage contract tests). For tests and the benchmark: what it
/// holds is lost with the process.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, Entry> _documents = new(StringComparer.Ordinal);
    private long _lastETag;

    /// <summary>The keys of the documents it holds now.</summary>
    public IReadOnlyList<string> Keys => [.. _documents.Keys];

    public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // A copy, as a storage that serialises gives: the reader's changes never reach the store unwritten.
            if (_documents.TryGetValue(key, out var entry)) found[key] = new StoredDocument(JsonNode.Parse(entry.Json)!.AsObject(), entry.ETag);
        }
        return Task.FromResult<IReadOnlyDictionary<string, StoredDocument>>(found);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, change) in changes)
        {
            var entry = new Entry(change.Document.ToJsonString(), Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture));
            var done = change.ETag switch
            {
                null => _documents.TryAdd(key, entry),
                "*" => Overwrite(key, entry),
                var expected => _documents.TryGetValue(key, out var current) && current.ETag == expected && _documents.TryUpdate(key, entry, current),
            };
            if (!done) throw new EtagConflictException(key);
            written[key] = entry.ETag;
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(written);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) _documents.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Overwrite(string key, Entry entry)
    {
        _documents[key] = entry;
        return true;
    }

    private sealed record Entry(string Json, string ETag);
}
