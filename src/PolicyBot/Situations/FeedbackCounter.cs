using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.State;

namespace PolicyBot.Situations;

/// <summary>
/// "Was this helpful?" answers, kept only as two counts per topic in one document — no user id, no
/// text, no time. Each person counts once per topic: her own answer is remembered in her own profile
/// (so "forget me" removes it), never in a list of who answered. Concurrent clicks are merged through the
/// document's ETag.
/// </summary>
public sealed class FeedbackCounter(IStorage storage, UserState userState)
{
    public const string Key = "policybot/feedback";

    /// <summary>The user-state property: topic id → the answer she gave (true: helpful).</summary>
    public const string GivenProperty = "feedbackGiven";

    private readonly IStatePropertyAccessor<Dictionary<string, bool>> _given = userState.CreateProperty<Dictionary<string, bool>>(GivenProperty);

    /// <summary>
    /// Counts this user's answer for the topic once: a second click with the same answer changes nothing, a
    /// changed answer moves her count from one side to the other. Counted once even if the turn runs again.
    /// </summary>
    public async Task RecordAsync(ITurnContext turn, string topicId, bool helpful, CancellationToken cancellationToken = default)
    {
        var given = await _given.GetAsync(turn, () => new Dictionary<string, bool>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        bool? before = given.TryGetValue(topicId, out var earlier) ? earlier : null;
        if (before == helpful) return;
        given[topicId] = helpful;
        await _given.SetAsync(turn, given, cancellationToken).ConfigureAwait(false);
        await TurnEffects.Of(turn).OnceAsync($"feedback/{topicId}", () => RecordAsync(topicId, helpful, replacing: before, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Adds one answer to the topic's counts; <paramref name="replacing"/> is the same person's earlier answer, taken back.</summary>
    public Task RecordAsync(string topicId, bool helpful, bool? replacing = null, CancellationToken cancellationToken = default) =>
        // Someone else counting at the same moment makes the update read again and add ours.
        storage.UpdateAsync(Key, document =>
        {
            var counts = document[topicId] as JsonObject ?? new JsonObject { ["helpful"] = 0, ["notHelpful"] = 0 };
            var field = helpful ? "helpful" : "notHelpful";
            counts[field] = (counts[field]?.GetValue<int>() ?? 0) + 1;
            if (replacing is { } old && old != helpful)
            {
                var previous = old ? "helpful" : "notHelpful";
                counts[previous] = Math.Max(0, (counts[previous]?.GetValue<int>() ?? 0) - 1);
            }
            if (counts.Parent is null) document[topicId] = counts;
            return true;
        }, cancellationToken);

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
