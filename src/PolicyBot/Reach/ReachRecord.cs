namespace PolicyBot.Reach;

/// <summary>
/// What the bot keeps about reaching one person without being asked: when it welcomed her, when a manager
/// last invited her, the ids of the personal chat it opened with her, and whether Teams refused to deliver
/// (she blocked the bot). Ids and dates only: no name, nothing anyone typed.
/// </summary>
public sealed class ReachRecord
{
    public DateTimeOffset? WelcomedAt { get; set; }

    public DateTimeOffset? InvitedAt { get; set; }

    public PersonalChatReference? Chat { get; set; }

    /// <summary>Teams answered 403 the last time: she blocked the bot or it is no longer installed for her.</summary>
    public bool Unreachable { get; set; }
}

/// <summary>A personal chat the bot opened, by ids only: enough to continue it, nothing about who she is.</summary>
public sealed record PersonalChatReference(string ServiceUrl, string ConversationId, string? TenantId);
