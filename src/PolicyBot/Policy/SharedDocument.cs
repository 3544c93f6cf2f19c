using System.Text.Json.Nodes;
using BotFramework.State;

namespace PolicyBot.Policy;

/// <summary>
/// A document several turns and instances change at once (posted cards, acknowledgement counts):
/// read, change, write conditionally on the ETag read; on a conflict read again and redo the change.
/// </summary>
internal static class SharedDocument
{
    private const int MaxAttempts = 10;

    public static async Task<JsonObject> ReadAsync(IStorage storage, string key, CancellationToken cancellationToken)
    {
        var found = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var stored) ? stored.Document : new JsonObject();
    }

    /// <summary>Runs <paramref name="change"/> on a fresh copy until its write wins; a change that returns false writes nothing.</summary>
    public static async Task<bool> UpdateAsync(IStorage storage, string key, Func<JsonObject, bool> change, CancellationToken cancellationToken)
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
}
