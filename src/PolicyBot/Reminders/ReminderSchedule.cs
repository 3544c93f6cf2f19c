using PolicyBot.Reach;

namespace PolicyBot.Reminders;

/// <summary>
/// When an onboarding reminder may go out: on the organisation's working days and hours, in its time zone, to
/// someone who started onboarding, has not finished it, has not touched it (nor had a reminder) for
/// <see cref="ReachOptions.ReminderAfterDays"/> days, has had fewer than <see cref="ReachOptions.MaxReminders"/>,
/// did not ask to stop, and whom Teams still lets the bot reach in a personal chat it knows.
/// </summary>
public sealed class ReminderSchedule
{
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlySet<DayOfWeek> _days;
    private readonly int _startHour;
    private readonly int _endHour;
    private readonly TimeSpan _after;
    private readonly int _max;

    public ReminderSchedule(ReachOptions options)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _days = options.ParsedWorkingDays();
        _startHour = options.WorkingHoursStart;
        _endHour = options.WorkingHoursEnd;
        _after = TimeSpan.FromDays(options.ReminderAfterDays);
        _max = options.MaxReminders;
    }

    /// <summary>Whether <paramref name="now"/> is within working days and hours in the organisation's time zone.</summary>
    public bool IsWorkingTime(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        return _days.Contains(local.DayOfWeek) && local.Hour >= _startHour && local.Hour < _endHour;
    }

    /// <summary>Whether she is due a reminder at <paramref name="now"/> (working time aside).</summary>
    public bool IsDue(ReachRecord record, DateTimeOffset now)
    {
        if (_max == 0 || record.OnboardingTouchedAt is not { } touched) return false;
        if (record.OnboardingFinished || record.RemindersStopped || record.Unreachable || record.RemindersSent >= _max) return false;
        if (record.Chat is not { BotId.Length: > 0 }) return false;
        var quietSince = record.LastReminderAt is { } last && last > touched ? last : touched;
        return now - quietSince >= _after;
    }
}
