using System.Text.Json.Nodes;
using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Situations;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The "was this helpful?" counts of a topic as the bot stored them (its one feedback document), read straight from
/// storage after the bot's counter has written what it gathered (as its flush service does every few seconds).
/// </summary>
internal static class StoredFeedback
{
    public static async Task<(int Helpful, int NotHelpful)> CountsAsync(IServiceProvider services, string topicId)
    {
        await services.GetRequiredService<FeedbackCounter>().FlushAsync();
        return await CountsAsync(services.GetRequiredService<IStorage>(), topicId);
    }

    /// <summary>The counts as they are in storage now (what has been written, nothing flushed first).</summary>
    public static async Task<(int Helpful, int NotHelpful)> CountsAsync(IStorage storage, string topicId)
    {
        var read = await storage.ReadAsync([FeedbackCounter.Key]);
        if (!read.TryGetValue(FeedbackCounter.Key, out var stored) || stored.Document[topicId] is not JsonObject counts) return (0, 0);
        return (counts["helpful"]!.GetValue<int>(), counts["notHelpful"]!.GetValue<int>());
    }
}
