using System.Diagnostics;
using System.Diagnostics.Metrics;
using PolicyBot.Conversation;
using PolicyBot.Matching;
using PolicyBot.Knowledge;
using PolicyBot.Policy;

namespace PolicyBot.Conversation;

/// <summary>The product's metrics (meter <see cref="Name"/>): counts only, tagged with a few known words, never with text.</summary>
public static class PolicyBotTelemetry
{
    public const string Name = "PolicyBot";

    public static readonly Meter Meter = new(Name);

    /// <summary>Free text matched to topics, by confidence: confident, unsure or none.</summary>
    public static readonly Counter<long> MatcherResults = Meter.CreateCounter<long>("policybot.matcher.results", description: "Free-text matches by confidence.");

    /// <summary>Messages answered before any topic, by kind: crisis, legal, unrelated, greeting, thanks.</summary>
    public static readonly Counter<long> ScopeDetections = Meter.CreateCounter<long>("policybot.scope.detections", description: "Messages recognised as danger, legal, unrelated, greetings or thanks.");

    public static readonly Counter<long> LessonsCompleted = Meter.CreateCounter<long>("policybot.onboarding.lessons_completed", description: "Onboarding lessons completed.");

    /// <summary>Posted policy cards brought to a new policy version, by outcome: updated, forgotten, failed.</summary>
    public static readonly Counter<long> PostedCardUpdates = Meter.CreateCounter<long>("policybot.posted_cards.updates", description: "Posted policy cards updated, forgotten or failed.");

    public static void Matched(TopicFinding found) =>
        MatcherResults.Add(1, new TagList { { "policybot.match.confidence", found.Confident ? "confident" : found.TopicIds.Count > 0 ? "unsure" : "none" } });

    public static void Scope(ScopeKind kind) =>
        ScopeDetections.Add(1, new TagList { { "policybot.scope.kind", kind.ToString().ToLowerInvariant() } });

    public static void PostedCards(int updated, int forgotten, int failed)
    {
        if (updated > 0) PostedCardUpdates.Add(updated, new TagList { { "policybot.update.outcome", "updated" } });
        if (forgotten > 0) PostedCardUpdates.Add(forgotten, new TagList { { "policybot.update.outcome", "forgotten" } });
        if (failed > 0) PostedCardUpdates.Add(failed, new TagList { { "policybot.update.outcome", "failed" } });
    }
}
