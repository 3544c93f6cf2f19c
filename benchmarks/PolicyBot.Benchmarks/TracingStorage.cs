using System.Collections.Concurrent;
using BotFramework.State;

namespace PolicyBot.Benchmarks;

/// <summary>
/// Notes each storage call as "OP key" (with the write's condition), for <c>--trace</c>: which documents one
/// conversation's turns read and write. Keys here are benchmark ids, never a real user's.
/// </summary>
internal sealed class TracingStorage(IStorage inner) : IStorage
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) Calls.Enqueue($"GET    {key}");
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        foreach (var (key, change) in changes)
        {
            var condition = change.ETag switch { null => "if-none-match *", "*" => "unconditional", _ => "if-match" };
            Calls.Enqueue($"PUT    {key} ({condition})");
        }
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        foreach (var key in keys) Calls.Enqueue($"DELETE {key}");
        return inner.DeleteAsync(keys, cancellationToken);
    }
}
