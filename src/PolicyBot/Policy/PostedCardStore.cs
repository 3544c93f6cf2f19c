using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Options;

namespace PolicyBot.Policy;

/// <summary>
/// The references to every policy card the bot posted, in one document (<c>policybot/policy/posted</c>),
/// changed through its ETag. The oldest are forgotten past <see cref="PolicyOptions.MaxPostedCards"/>.
/// </summary>
public sealed class PostedCardStore(IStorage storage, IOptions<PolicyOptions> options)
{
    public const string Key = "policybot/policy/posted";

    public async Task<IReadOnlyList<PostedCard>> AllAsync(CancellationToken cancellationToken = default) =>
        Cards(await storage.ReadOrNewAsync(Key, cancellationToken).ConfigureAwait(false));

    public Task AddAsync(PostedCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        return storage.UpdateAsync(Key, document =>
        {
            var cards = Cards(document).Where(c => c.Key != card.Key).Append(card).ToList();
            var max = options.Value.MaxPostedCards;
            if (cards.Count > max) cards.RemoveRange(0, cards.Count - max);
            Store(document, cards);
            return true;
        }, cancellationToken);
    }

    /// <summary>Records the version each card now shows and forgets the cards that are gone.</summary>
    public Task RecordAsync(IReadOnlyDictionary<string, int> renderedVersions, IReadOnlySet<string> gone, CancellationToken cancellationToken = default) =>
        storage.UpdateAsync(Key, document =>
        {
            var cards = Cards(document);
            var changed = false;
            var kept = new List<PostedCard>(cards.Count);
            foreach (var card in cards)
            {
                if (gone.Contains(card.Key))
                {
                    changed = true;
                    continue;
                }
                if (renderedVersions.TryGetValue(card.Key, out var version) && version > card.Version)
                {
                    kept.Add(card with { Version = version });
                    changed = true;
                    continue;
                }
                kept.Add(card);
            }
            if (changed) Store(document, kept);
            return changed;
        }, cancellationToken);

    /// <summary>The bot was removed from a team or chat: forget its cards there. Returns how many.</summary>
    public async Task<int> ForgetAsync(string? teamId, string conversationId, CancellationToken cancellationToken = default)
    {
        var conversation = ConversationIds.Base(conversationId);
        var removed = 0;
        await storage.UpdateAsync(Key, document =>
        {
            var cards = Cards(document);
            var kept = cards.Where(c => !(teamId is not null && c.TeamId == teamId) && ConversationIds.Base(c.ConversationId) != conversation && c.TeamsChannelId != conversation).ToList();
            removed = cards.Count - kept.Count;
            if (removed == 0) return false;
            Store(document, kept);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private static List<PostedCard> Cards(JsonObject document) =>
        document["cards"] is JsonArray array ? array.Deserialize<List<PostedCard>>(BotJson.Options) ?? [] : [];

    private static void Store(JsonObject document, List<PostedCard> cards) =>
        document["cards"] = JsonSerializer.SerializeToNode(cards, BotJson.Options);
}
