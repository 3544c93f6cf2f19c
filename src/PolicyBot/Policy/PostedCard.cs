using System.Text.Json.Serialization;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// A policy card the bot posted, kept so it can be brought up to date in place: where it is (service
/// url, conversation, Teams channel, team, tenant, message id), which topic it shows, in which
/// language, and the policy version it was last rendered with. No user is recorded.
/// </summary>
public sealed record PostedCard
{
    public required string ServiceUrl { get; init; }

    /// <summary>Bot Framework channel id (<c>msteams</c>).</summary>
    public required string ChannelId { get; init; }

    /// <summary>The conversation the card's message lives in (a channel thread <c>…;messageid=…</c>, or a group chat).</summary>
    public required string ConversationId { get; init; }

    public required string ActivityId { get; init; }

    /// <summary><c>channel</c> or <c>groupChat</c>.</summary>
    public string? ConversationType { get; init; }

    /// <summary>The Teams channel (<c>channelData.channel.id</c>), for channel posts.</summary>
    public string? TeamsChannelId { get; init; }

    public string? TeamId { get; init; }

    public string? TenantId { get; init; }

    public required string Topic { get; init; }

    /// <summary><c>fr</c> or <c>en</c>: the language of the manager who posted it, used for the shared copy.</summary>
    public required string Language { get; init; }

    /// <summary>The policy version the card was last rendered with.</summary>
    public required int Version { get; init; }

    public DateTimeOffset PostedAt { get; init; }

    /// <summary>The card's identity: one message in one conversation.</summary>
    [JsonIgnore]
    public string Key => $"{ConversationId}|{ActivityId}";

    /// <summary>The Teams thread it counts against for rate limits: the whole channel, or the chat.</summary>
    [JsonIgnore]
    public string RateLimitThread => TeamsChannelId ?? ConversationIds.Base(ConversationId);
}

internal static class ConversationIds
{
    /// <summary>A channel thread id <c>19:…@thread.tacv2;messageid=123</c> without its <c>;messageid=…</c> part.</summary>
    public static string Base(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    /// <summary>The root message id in a channel thread id, if it has one.</summary>
    public static string? MessageId(string conversationId)
    {
        const string marker = ";messageid=";
        var cut = conversationId.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? null : conversationId[(cut + marker.Length)..];
    }
}
