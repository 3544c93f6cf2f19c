using System.Text.Json.Nodes;
using BotFramework.State;

namespace PolicyBot.Bot;

/// <summary>
/// "Was this helpful?" answers, kept only as two counts per topic in one document — no user id, no
/// text, no time. Concurrent clicks are merged through the document's ETag.
/// </summary>
public sealed class FeedbackCounter(IStorage storage)
{
    public const string Key = "policybot/feedback";

    public async Task RecordAsync(string topicId, bool helpful, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
            var (document, etag) = read.TryGetValue(Key, out var stored) ? (stored.Document, stored.ETag) : (new JsonObject(), null);
            var counts = document[topicId] as JsonObject ?? new JsonObject { ["helpful"] = 0, ["notHelpful"] = 0 };
            var field = helpful ? "helpful" : "notHelpful";
            counts[field] = (counts[field]?.GetValue<int>() ?? 0) + 1;
            if (counts.Parent is null) document[topicId] = counts;
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoredDocument> { [Key] = new(document, etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException) when (attempt < 10)
            {
                // Someone else counted at the same moment: read again and add ours.
            }
        }
    }

    public async Task<(int Helpful, int NotHelpful)> CountsAsync(string topicId, CancellationToken cancellationToken = default)
    {
        var read = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(Key, out var stored) || stored.Document[topicId] is not JsonObject counts) return (0, 0);
        return (counts["helpful"]?.GetValue<int>() ?? 0, counts["notHelpful"]?.GetValue<int>() ?? 0);
    }

    /// <summary>Answers counted per topic, helpful or not (for "most used" lists).</summary>
    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(CancellationToken cancellationToken = default)
    {
        var read = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!read.TryGetValue(Key, out var stored)) return totals;
        foreach (var (topicId, node) in stored.Document)
        {
            if (node is JsonObject counts) totals[topicId] = (counts["helpful"]?.GetValue<int>() ?? 0) + (counts["notHelpful"]?.GetValue<int>() ?? 0);
        }
        return totals;
    }
}
