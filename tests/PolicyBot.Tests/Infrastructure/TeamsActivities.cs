using System.Text.Json;
using BotFramework.Schema;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>Activities shaped like the ones Teams sends (ids, tenant, locale, mentions), with obviously invented people.</summary>
public sealed class TeamsActivities(string serviceUrl, string conversationId = "a:personal-chat-0001", string userId = "29:user-0001")
{
    public const string TenantId = "00000000-0000-0000-0000-00000000a001";
    public const string BotId = "28:00000000-0000-0000-0000-0000000000b0";
    private int _next;

    public string ConversationId { get; } = conversationId;

    public string UserId { get; } = userId;

    public string Locale { get; set; } = "en-US";

    public string ConversationType { get; set; } = "personal";

    public Activity Message(string text, string? id = null)
    {
        var activity = Base(ActivityTypes.Message, id);
        activity.Text = text;
        return activity;
    }

    public Activity Submit(object data, string? id = null)
    {
        var activity = Base(ActivityTypes.Message, id);
        activity.Value = JsonSerializer.SerializeToElement(data, BotJson.Options);
        return activity;
    }

    public Activity Mention(string text)
    {
        var activity = Base(ActivityTypes.Message, null);
        activity.Text = $"<at>PolicyBot</at> {text}";
        activity.Entities = [Entity.Mention(new ChannelAccount(BotId, "PolicyBot"))];
        return activity;
    }

    public Activity BotAdded()
    {
        var activity = Base(ActivityTypes.ConversationUpdate, null);
        activity.MembersAdded = [new ChannelAccount(UserId), new ChannelAccount(BotId)];
        return activity;
    }

    public Activity Of(string type, string? id = null) => Base(type, id);

    public Activity Base(string type, string? id)
    {
        var n = Interlocked.Increment(ref _next);
        return new Activity
        {
            Type = type,
            Id = id ?? $"1700000000{n:D3}",
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = serviceUrl,
            ChannelId = Channels.MsTeams,
            From = new ChannelAccount(UserId, "Test Worker", "00000000-0000-0000-0000-00000000c001"),
            Recipient = new ChannelAccount(BotId, "PolicyBot"),
            Conversation = new ConversationAccount(ConversationId, ConversationType, ConversationType != "personal", TenantId),
            Locale = Locale,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = TenantId } }),
        };
    }
}
