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

    /// <summary>When she last did anything in onboarding (UTC); null if she never started it.</summary>
    public DateTimeOffset? OnboardingTouchedAt { get; set; }

    /// <summary>She finished onboarding: no reminder any more.</summary>
    public bool OnboardingFinished { get; set; }

    /// <summary>The language of her last onboarding turn, as a code (<c>fr</c>, <c>en</c>): the reminder's language.</summary>
    public string? Locale { get; set; }

    /// <summary>How many onboarding reminders the bot has sent her (claimed before each send, so never more than the limit).</summary>
    public int RemindersSent { get; set; }

    public DateTimeOffset? LastReminderAt { get; set; }

    /// <summary>She asked for no more reminders ("Stop reminders").</summary>
    public bool RemindersStopped { get; set; }
}

/// <summary>A personal chat the bot opened, by ids only: enough to continue it, nothing about who she is.</summary>
/// <param name="BotId">The bot's id in that chat, to write in it later without a turn (reminders); null when not recorded.</param>
public sealed record PersonalChatReference(string ServiceUrl, string ConversationId, string? TenantId, string? BotId = null);
