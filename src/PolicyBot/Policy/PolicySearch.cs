using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;
using PolicyBot.Matching;
using PolicyBot.Situations;

namespace PolicyBot.Policy;

/// <summary>
/// The message extension's search (<c>composeExtension/query</c>, command <c>searchPolicies</c>):
/// words in French or English find policy cards, best first; no words (or the initial run) lists
/// the most used topics. Each result is the policy card with a hero-card preview.
/// </summary>
public sealed class PolicySearch(PolicyStore store, OrganisationPolicyCards cards, ITopicFinder finder, FeedbackCounter feedback, PostedCardStore posted)
{
    public const string CommandId = "searchPolicies";
    public const string QueryParameter = "queryText";
    private const string InitialRunParameter = "initialRun";
    private const int MostUsedCount = 8;
    private const int MaxCount = 25;

    public async Task<JsonObject> QueryAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var (text, skip, count) = Read(turn.Activity.Value);
        IReadOnlyList<string> topics;
        if (string.IsNullOrWhiteSpace(text))
        {
            topics = await MostUsedAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var finding = finder.Find(text, language);
            topics = finding.TopicIds;
            language = finding.Language;
        }
        if (topics.Count == 0)
        {
            return new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = cards.Content.Ui("policy.search.none", language) } };
        }

        var policy = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var attachments = new JsonArray();
        foreach (var id in topics.Skip(skip).Take(count))
        {
            var topic = cards.Content.Topic(id);
            var card = cards.PolicyCard(topic, language, policy, viewer: null);
            attachments.Add(new JsonObject
            {
                ["contentType"] = card.ContentType,
                ["content"] = ((JsonNode)card.Content!).DeepClone(),
                ["preview"] = OrganisationPolicyCards.Preview(topic, language),
            });
        }
        return new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = attachments },
        };
    }

    /// <summary>The topics staff rated most (helpful or not) and managers posted most; the guide's order breaks ties.</summary>
    private async Task<IReadOnlyList<string>> MostUsedAsync(CancellationToken cancellationToken)
    {
        var rated = await feedback.TotalsAsync(cancellationToken).ConfigureAwait(false);
        var postedCounts = (await posted.AllAsync(cancellationToken).ConfigureAwait(false)).GroupBy(c => c.Topic).ToDictionary(g => g.Key, g => g.Count());
        return [.. cards.Content.Topics
            .Select((t, order) => (t.Id, Uses: rated.GetValueOrDefault(t.Id) + postedCounts.GetValueOrDefault(t.Id), Order: order))
            .OrderByDescending(t => t.Uses).ThenBy(t => t.Order)
            .Take(MostUsedCount)
            .Select(t => t.Id)];
    }

    /// <summary>
    /// The words searched for and the page asked: the <c>queryText</c> parameter (or an unnamed one, as the
    /// Agents Playground sends); <c>initialRun</c> means no words yet.
    /// </summary>
    private static (string? Text, int Skip, int Count) Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } query) return (null, 0, MostUsedCount);
        string? text = null;
        if (query.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var name = parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                if (name == InitialRunParameter) continue;
                if (name is null or "" or QueryParameter && parameter.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                {
                    text = v.GetString();
                    break;
                }
            }
        }
        var skip = 0;
        var count = MaxCount;
        if (query.TryGetProperty("queryOptions", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            if (options.TryGetProperty("skip", out var s) && s.TryGetInt32(out var skipValue)) skip = Math.Max(0, skipValue);
            if (options.TryGetProperty("count", out var c) && c.TryGetInt32(out var countValue)) count = Math.Clamp(countValue, 1, MaxCount);
        }
        return (text, skip, count);
    }
}
