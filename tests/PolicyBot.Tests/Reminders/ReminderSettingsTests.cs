using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Reach;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Reminders;

/// <summary>Reminder settings go through the host's start-up validation and say what to set; file storage gets the in-process lease.</summary>
[Trait("Category", "Fast")]
public sealed class ReminderSettingsTests
{
    [Theory]
    [InlineData("ReminderAfterDays", "0", "PolicyBot:Reach:ReminderAfterDays is 0; set it between 1 and 90.")]
    [InlineData("MaxReminders", "11", "PolicyBot:Reach:MaxReminders is 11; set it between 0 (no reminders) and 10.")]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "PolicyBot:Reach:TimeZone 'Mars/Olympus_Mons' is not a time zone this machine knows; use an IANA id such as America/Toronto.")]
    [InlineData("WorkingDays", "Monday,Funday", "PolicyBot:Reach:WorkingDays 'Monday,Funday' must list English day names separated by commas (e.g. Monday,Tuesday,Wednesday,Thursday,Friday).")]
    [InlineData("WorkingDays", "1,2", "PolicyBot:Reach:WorkingDays '1,2' must list English day names separated by commas (e.g. Monday,Tuesday,Wednesday,Thursday,Friday).")]
    [InlineData("WorkingHoursEnd", "9", "PolicyBot:Reach:WorkingHoursStart (9) and WorkingHoursEnd (9) must be hours with 0 <= start < end <= 24.")]
    [InlineData("ReminderCheckMinutes", "0", "PolicyBot:Reach:ReminderCheckMinutes is 0; set it between 1 and 1440.")]
    public async Task AnInvalidReminderSetting_FailsTheStartValidation_WithWhatToSet(string setting, string value, string message)
    {
        await using var bot = new BotTestServices(new Dictionary<string, string?> { ["PolicyBot:Reach:" + setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IOptions<ReachOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaults_AreValid_AndMatchTheReadme()
    {
        await using var bot = new BotTestServices();
        var options = bot.Services.GetRequiredService<IOptions<ReachOptions>>().Value;
        Assert.Equal((7, 2, "America/Toronto", 9, 17, 5), (options.ReminderAfterDays, options.MaxReminders, options.TimeZone, options.WorkingHoursStart, options.WorkingHoursEnd, options.ReminderCheckMinutes));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], options.ParsedWorkingDays().Order());
    }

    [Fact]
    public async Task FileStorage_UsesTheInProcessLease_OneHolderAtATime()
    {
        await using var bot = new BotTestServices();
        var lease = Assert.IsType<InProcessRunLease>(bot.Services.GetRequiredService<IRunLease>());

        var held = await lease.TryAcquireAsync("a-run");
        Assert.NotNull(held);
        Assert.Null(await lease.TryAcquireAsync("a-run"));
        await held.DisposeAsync();
        await using var again = await lease.TryAcquireAsync("a-run");
        Assert.NotNull(again);
    }
}
