using System.Text.Json.Nodes;
using BotFramework.State;
using PolicyBot.Situations;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>The "was this helpful?" counts of a topic as the bot stored them (its one feedback document), read straight from storage.</summary>
internal static class StoredFeedback
{
    public static async Task<(int Helpful, int NotHelpful)> CountsAsync(IStorage storage, string topicId)
    {
        var read = await storage.ReadAsync([FeedbackCounter.Key]);
        if (!read.TryGetValue(FeedbackCounter.Key, out var stored) || stored.Document[topicId] is not JsonObject counts) return (0, 0);
        return (counts["helpful"]!.GetValue<int>(), counts["notHelpful"]!.GetValue<int>());
    }
}
