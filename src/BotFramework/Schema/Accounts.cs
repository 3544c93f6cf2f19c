namespace BotFramework.Schema;

/// <summary>A user or bot in a conversation (<c>from</c>, <c>recipient</c>, members).</summary>
public class ChannelAccount : ExtensibleObject
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null, string? aadObjectId = null)
    {
        Id = id;
        Name = name;
        AadObjectId = aadObjectId;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public class ConversationAccount : ExtensibleObject
{
    public ConversationAccount() { }

    public ConversationAccount(string id, string? conversationType = null, bool? isGroup = null, string? tenantId = null)
    {
        Id = id;
        ConversationType = conversationType;
        IsGroup = isGroup;
        TenantId = tenantId;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
}

/// <summary>Everything needed to send to a conversation later (proactive messages, card updates).</summary>
public class ConversationReference : ExtensibleObject
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Locale { get; set; }
}
