using System.Diagnostics;
using BotFramework.Builder;
using BotFramework.Diagnostics;

namespace BotFramework.State;

/// <summary>
/// Wraps a storage so each call is a "bot.storage" span (operation, number of documents, outcome) under the
/// turn that made it, counted, and timed (<see cref="BotTelemetry.StorageDuration"/>). Keys name conversations and
/// users: they never appear, not even hashed.
/// </summary>
public class TracedStorage : IStorage
{
    private readonly IStorage _inner;

    protected TracedStorage(IStorage inner) => _inner = inner;

    /// <summary>The storage wrapped; a listable storage stays listable (the expired-state sweep needs it).</summary>
    public static IStorage Wrap(IStorage inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is TracedStorage) return inner;
        return inner is IListableStorage listable ? new TracedListableStorage(listable) : new TracedStorage(inner);
    }

    /// <summary>The storage underneath, for what needs to know its kind (the self-test).</summary>
    public IStorage Inner => _inner;

    public Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        TraceAsync("read", keys.Count, () => _inner.ReadAsync(keys, cancellationToken));

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default) =>
        TraceAsync("write", changes.Count, () => _inner.WriteAsync(changes, cancellationToken));

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        TraceAsync("delete", keys.Count, async () => { await _inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false); return true; });

    protected static async Task<T> TraceAsync<T>(string operation, int documents, Func<Task<T>> call)
    {
        using var span = BotTelemetry.Source.StartActivity("bot.storage " + operation, ActivityKind.Client);
        span?.SetTag("bot.storage.operation", operation);
        span?.SetTag("bot.storage.documents", documents);
        TurnTelemetry.Current?.StorageCalled(documents);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            outcome = "conflict";
            BotTelemetry.EtagConflicts.Add(1);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception e)
        {
            outcome = "error";
            span?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
        finally
        {
            span?.SetTag("bot.storage.outcome", outcome);
            if (outcome is "error" or "conflict") span?.SetStatus(ActivityStatusCode.Error, outcome);
            var tags = new TagList { { "bot.storage.operation", operation }, { "bot.storage.outcome", outcome } };
            BotTelemetry.StorageCalls.Add(documents, tags);
            BotTelemetry.StorageDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }

    private sealed class TracedListableStorage(IListableStorage inner) : TracedStorage(inner), IListableStorage
    {
        public IAsyncEnumerable<StoredKey> ListAsync(string keyPrefix, CancellationToken cancellationToken = default) => inner.ListAsync(keyPrefix, cancellationToken);

        public Task<bool> DeleteIfUnchangedAsync(string key, string eTag, CancellationToken cancellationToken = default) =>
            TraceAsync("delete", 1, () => inner.DeleteIfUnchangedAsync(key, eTag, cancellationToken));
    }
}
