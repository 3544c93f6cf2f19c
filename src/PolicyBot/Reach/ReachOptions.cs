namespace PolicyBot.Reach;

/// <summary>What the bot sends without being asked (section <c>PolicyBot:Reach</c>).</summary>
public sealed class ReachOptions
{
    public const string SectionName = "PolicyBot:Reach";

    /// <summary>A person added to a team where the app is installed gets a personal welcome (once per person). False turns it off.</summary>
    public bool WelcomeNewTeamMembers { get; set; } = true;

    /// <summary>At most this many people invited by one manager message; more are refused with a message, none invited.</summary>
    public int MaxInvitationsPerMessage { get; set; } = 25;

    /// <summary>Someone who started onboarding and has not touched it for this many days gets a reminder.</summary>
    public int ReminderAfterDays { get; set; } = 7;

    /// <summary>At most this many reminders per person, ever. 0 turns reminders off.</summary>
    public int MaxReminders { get; set; } = 2;

    /// <summary>The organisation's time zone (IANA id such as <c>America/Toronto</c>): working days and hours are counted in it.</summary>
    public string TimeZone { get; set; } = "America/Toronto";

    /// <summary>Days reminders may be sent, comma-separated English day names.</summary>
    public string WorkingDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>First hour (0–23, local) reminders may be sent.</summary>
    public int WorkingHoursStart { get; set; } = 9;

    /// <summary>Reminders are sent before this hour (1–24, local).</summary>
    public int WorkingHoursEnd { get; set; } = 17;

    /// <summary>How often each instance wakes to look for reminders due (minutes).</summary>
    public int ReminderCheckMinutes { get; set; } = 5;

    /// <summary>The <see cref="WorkingDays"/> parsed; throws on a name that is not a day (validation reports it first).</summary>
    public IReadOnlySet<DayOfWeek> ParsedWorkingDays() =>
        WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet();

    public IEnumerable<string> Validate()
    {
        if (ReminderAfterDays is < 1 or > 90)
        {
            yield return $"PolicyBot:Reach:ReminderAfterDays is {ReminderAfterDays}; set it between 1 and 90.";
        }
        if (MaxReminders is < 0 or > 10)
        {
            yield return $"PolicyBot:Reach:MaxReminders is {MaxReminders}; set it between 0 (no reminders) and 10.";
        }
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            yield return $"PolicyBot:Reach:TimeZone '{TimeZone}' is not a time zone this machine knows; use an IANA id such as America/Toronto.";
        }
        var days = (WorkingDays ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = days.Where(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _) || int.TryParse(d, out _)).ToList();
        if (days.Length == 0 || unknown.Count > 0)
        {
            yield return $"PolicyBot:Reach:WorkingDays '{WorkingDays}' must list English day names separated by commas (e.g. Monday,Tuesday,Wednesday,Thursday,Friday).";
        }
        if (WorkingHoursStart is < 0 or > 23 || WorkingHoursEnd is < 1 or > 24 || WorkingHoursEnd <= WorkingHoursStart)
        {
            yield return $"PolicyBot:Reach:WorkingHoursStart ({WorkingHoursStart}) and WorkingHoursEnd ({WorkingHoursEnd}) must be hours with 0 <= start < end <= 24.";
        }
        if (ReminderCheckMinutes is < 1 or > 1440)
        {
            yield return $"PolicyBot:Reach:ReminderCheckMinutes is {ReminderCheckMinutes}; set it between 1 and 1440.";
        }
        if (MaxInvitationsPerMessage is < 1 or > 100)
        {
            yield return $"PolicyBot:Reach:MaxInvitationsPerMessage is {MaxInvitationsPerMessage}; set it between 1 and 100.";
        }
    }
}
