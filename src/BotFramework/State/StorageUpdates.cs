using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotFramework.State;

/// <summary>
/// Documents that several turns and instances change at once (a roster, counts, a list of posted cards):
/// read, change, write conditionally on the ETag read; on a conflict, read again and redo the change.
/// </summary>
public static class StorageUpdates
{
    /// <summary>How many times a change is tried before the last conflict is let through.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The document at <paramref name="key"/>, or a new empty one when there is none.</summary>
    public static async Task<JsonObject> ReadOrNewAsync(this IStorage storage, string key, CancellationToken cancellationToken = default)
    {
        var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var stored) ? stored.Document : new JsonObject();
    }

    /// <summary>
    /// Runs <paramref name="change"/> on a fresh copy of the document (a new empty one when there is none) until
    /// its write wins; a change that returns false writes nothing and the result is false. After
    /// <see cref="MaxAttempts"/> conflicts the last <see cref="EtagConflictException"/> is thrown.
    /// </summary>
    public static async Task<bool> UpdateAsync(this IStorage storage, string key, Func<JsonObject, bool> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
            var (document, etag) = found.TryGetValue(key, out var stored) ? (stored.Document, stored.ETag) : (new JsonObject(), null);
            if (!change(document)) return false;
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoredDocument>(1, StringComparer.Ordinal) { [key] = new(document, etag) }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (EtagConflictException) when (attempt < MaxAttempts)
            {
                // Someone else changed it meanwhile: start again from their version.
            }
        }
    }

    /// <summary>
    /// <see cref="UpdateAsync(IStorage, string, Func{JsonObject, bool}, CancellationToken)"/> for a document kept as
    /// a <typeparamref name="T"/>: <paramref name="change"/> gets a fresh copy (a new one when there is none), and
    /// what it leaves is written back whole.
    /// </summary>
    public static Task<bool> UpdateAsync<T>(this IStorage storage, string key, Func<T, bool> change, JsonSerializerOptions options, CancellationToken cancellationToken = default)
        where T : new() =>
        storage.UpdateAsync(key, document =>
        {
            var value = document.Count == 0 ? new T() : document.Deserialize<T>(options) ?? new T();
            if (!change(value)) return false;
            var updated = JsonSerializer.SerializeToNode(value, options)!.AsObject();
            document.Clear();
            foreach (var name in updated.Select(p => p.Key).ToList())
            {
                var node = updated[name];
                updated.Remove(name);
                document[name] = node;
            }
            return true;
        }, cancellationToken);
}
