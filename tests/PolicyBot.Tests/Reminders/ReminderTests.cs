using BotFramework.Testing;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Reach;
using PolicyBot.Reminders;
using static PolicyBot.Tests.Reminders.ReminderScenario;

namespace PolicyBot.Tests.Reminders;

/// <summary>
/// Onboarding reminders as she sees them, through the real host and a fake Connector, on a manual clock: one
/// after a week without touching onboarding, in her language, on working days and hours in the organisation's time
/// zone, no more than the limit, and none after "Stop reminders", completion or "forget me".
/// </summary>
[Trait("Category", "Host")]
public sealed class ReminderTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task StartedOnboarding_UntouchedForSevenDays_GetsOneReminder_AndContinueResumesHerLesson()
    {
        await using var s = await StartAsync();
        await s.StartOnboardingAsync();

        s.Clock.Advance(6 * Day); // Monday 10:00: six days only
        var (early, none) = await s.PassAsync();
        Assert.True(early.Ran);
        Assert.Empty(none);

        s.Clock.Advance(Day); // Tuesday 10:00: seven days
        var (pass, sent) = await s.PassAsync();
        Assert.Equal(new ReminderService.Pass(true, 1, 0, 0), pass);
        var reminder = Assert.Single(sent);
        Assert.Equal(ChatId, reminder.Conversation?.Id);
        var text = CardReader.VisibleText(reminder);
        Assert.Contains("Your onboarding is waiting for you", text);
        Assert.Contains("You started the social-media policy onboarding a few days ago. Pick up where you left off: a few short lessons remain.", text);
        Assert.Equal(["Continue", "Stop reminders"], CardReader.ActionTitles(reminder));

        // Straight after: not again.
        Assert.Empty((await s.PassAsync()).Sent);

        // "Continue" on the reminder opens her lesson where she left it.
        var data = CardReader.FindAction(reminder, "Continue")!.Data!.Value;
        var resumed = await s.SayAsync(s.Chat.Submit(data));
        Assert.Contains(resumed, m => CardReader.VisibleText(m).Contains("Onboarding · Lesson 1 of 8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReminder_IsInTheLanguageSheUsedForOnboarding()
    {
        await using var s = await StartAsync(locale: "fr-CA");
        await s.StartOnboardingAsync();
        s.Clock.Advance(7 * Day);

        var reminder = Assert.Single((await s.PassAsync()).Sent);
        var text = CardReader.VisibleText(reminder);
        Assert.Contains("Votre formation vous attend", text);
        Assert.Contains("Vous avez commencé la formation sur la politique des médias sociaux il y a quelques jours.", text);
        Assert.Equal(["Continuer", "Arrêter les rappels"], CardReader.ActionTitles(reminder));
    }

    [Fact]
    public async Task NoMoreThanTheLimit_TwoByDefault_AWeekApart()
    {
        await using var s = await StartAsync();
        await s.StartOnboardingAsync();
        var sent = 0;
        for (var week = 1; week <= 4; week++)
        {
            s.Clock.Advance(7 * Day);
            sent += (await s.PassAsync()).Sent.Count;
            Assert.Equal(Math.Min(week, 2), sent);
        }
        Assert.Equal(2, (await s.Store.ReadAsync(StaffId))!.RemindersSent);
    }

    [Fact]
    public async Task TheLimitIsASetting()
    {
        await using var s = await StartAsync(new Dictionary<string, string?> { ["PolicyBot:Reach:MaxReminders"] = "1", ["PolicyBot:Reach:ReminderAfterDays"] = "3" });
        await s.StartOnboardingAsync();
        s.Clock.Advance(2 * Day);
        Assert.Empty((await s.PassAsync()).Sent);
        s.Clock.Advance(Day); // Friday, three days
        Assert.Single((await s.PassAsync()).Sent);
        s.Clock.Advance(7 * Day);
        Assert.Empty((await s.PassAsync()).Sent);
    }

    [Fact]
    public async Task OutsideWorkingHoursOrDays_InTheOrganisationsTimeZone_NothingIsSent_UntilTheNextWorkingHour()
    {
        // Saturday 10 October 2026, 10:00 in Toronto: due (she started on the Saturday before), but a weekend.
        var saturday = new DateTimeOffset(2026, 10, 3, 14, 0, 0, TimeSpan.Zero);
        await using var s = await StartAsync(clock: new ManualClock(saturday));
        await s.StartOnboardingAsync();
        s.Clock.Advance(7 * Day);
        var (weekend, none) = await s.PassAsync();
        Assert.False(weekend.Ran);
        Assert.Empty(none);

        // Monday 08:30 Toronto (12:30 UTC): before the working day starts.
        s.Clock.Advance(new DateTimeOffset(2026, 10, 12, 12, 30, 0, TimeSpan.Zero) - s.Clock.Now);
        Assert.False((await s.PassAsync()).Pass.Ran);

        // Monday 17:00 Toronto is after hours (the day ends before 17:00), 16:59 is not.
        s.Clock.Advance(new DateTimeOffset(2026, 10, 12, 21, 0, 0, TimeSpan.Zero) - s.Clock.Now);
        Assert.False((await s.PassAsync()).Pass.Ran);
        s.Clock.Advance(new DateTimeOffset(2026, 10, 13, 13, 0, 0, TimeSpan.Zero) - s.Clock.Now); // Tuesday 09:00
        Assert.Single((await s.PassAsync()).Sent);
    }

    [Fact]
    public async Task WorkingDaysHoursAndTimeZone_AreSettings()
    {
        // Paris, Saturdays only, 8 to 12: Tuesday 10:00 in Toronto is 16:00 on a Tuesday in Paris.
        await using var s = await StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:Reach:TimeZone"] = "Europe/Paris",
            ["PolicyBot:Reach:WorkingDays"] = "Saturday",
            ["PolicyBot:Reach:WorkingHoursStart"] = "8",
            ["PolicyBot:Reach:WorkingHoursEnd"] = "12",
        });
        await s.StartOnboardingAsync();
        s.Clock.Advance(7 * Day);
        Assert.False((await s.PassAsync()).Pass.Ran);
        // Saturday 17 October 2026, 09:00 in Paris (UTC+2) = 07:00 UTC.
        s.Clock.Advance(new DateTimeOffset(2026, 10, 17, 7, 0, 0, TimeSpan.Zero) - s.Clock.Now);
        Assert.Single((await s.PassAsync()).Sent);
    }

    [Theory]
    [InlineData("en-US", "stop reminders", "Done: I won't send you any more onboarding reminders. You can pick it up whenever you like by typing \"continue\".")]
    [InlineData("fr-CA", "arrêter les rappels", "C'est noté : je ne vous enverrai plus de rappels de formation. Vous pouvez la reprendre quand vous voulez en écrivant « continuer ».")]
    [InlineData("fr-CA", "Arreter les rappels", "C'est noté : je ne vous enverrai plus de rappels de formation. Vous pouvez la reprendre quand vous voulez en écrivant « continuer ».")]
    public async Task TypingStopReminders_StopsThem(string locale, string typed, string answer)
    {
        await using var s = await StartAsync(locale: locale);
        await s.StartOnboardingAsync();
        // The answer, then the lesson she is in, as it was (she was in the middle of it).
        var replies = await s.SayAsync(s.Chat.Message(typed));
        Assert.Equal(2, replies.Count);
        Assert.Equal(answer, replies[0].Text);
        Assert.Contains(locale == "en-US" ? "Onboarding · Lesson 1 of 8" : "Formation · Leçon 1 de 8", CardReader.VisibleText(replies[1]));

        for (var week = 1; week <= 3; week++)
        {
            s.Clock.Advance(7 * Day);
            Assert.Empty((await s.PassAsync()).Sent);
        }
    }

    [Fact]
    public async Task TheStopRemindersButton_StopsThemAfterTheFirst()
    {
        await using var s = await StartAsync();
        await s.StartOnboardingAsync();
        s.Clock.Advance(7 * Day);
        var reminder = Assert.Single((await s.PassAsync()).Sent);

        var replies = await s.SayAsync(s.Chat.Submit(CardReader.FindAction(reminder, "Stop reminders")!.Data!.Value));
        Assert.StartsWith("Done: I won't send you any more onboarding reminders.", replies[0].Text, StringComparison.Ordinal);
        s.Clock.Advance(7 * Day);
        Assert.Empty((await s.PassAsync()).Sent);
        Assert.True((await s.Store.ReadAsync(StaffId))!.RemindersStopped);
    }

    [Fact]
    public async Task TouchingOnboardingAgain_PutsTheNextReminderAWeekAfterThat()
    {
        await using var s = await StartAsync();
        await s.StartOnboardingAsync();
        s.Clock.Advance(5 * Day); // Sunday
        await s.SayAsync(s.Chat.Message("continue"));
        s.Clock.Advance(2 * Day); // Tuesday: a week after she started, two days after she came back
        Assert.Empty((await s.PassAsync()).Sent);
        s.Clock.Advance(5 * Day); // Sunday, a week after she came back: weekend
        Assert.Empty((await s.PassAsync()).Sent);
        s.Clock.Advance(Day + TimeSpan.FromHours(-1)); // Monday 09:00
        Assert.Single((await s.PassAsync()).Sent);
    }

    [Fact]
    public async Task NobodyWhoNeverStartedOnboarding_GetsAReminder()
    {
        await using var s = await StartAsync();
        await s.SayAsync(s.Chat.Message("help"));
        await s.SayAsync(s.Chat.Message("stop reminders"));
        s.Clock.Advance(14 * Day);
        Assert.Empty((await s.PassAsync()).Sent);
        Assert.Null(await s.Store.ReadAsync(StaffId));
    }

    [Fact]
    public async Task FinishingOnboarding_StopsReminders()
    {
        await using var s = await StartAsync();
        await s.StartOnboardingAsync();
        await s.FinishOnboardingAsync();
        Assert.True((await s.Store.ReadAsync(StaffId))!.OnboardingFinished);
        s.Clock.Advance(7 * Day);
        Assert.Empty((await s.PassAsync()).Sent);
    }

    [Fact]
    public async Task WhatDoYouKeep_ListsReminderState_AndForgetMeDeletesIt()
    {
        await using var s = await StartAsync();
        s.Connector.Members[(ChatId, StaffId)] = new BotFramework.Schema.ChannelAccount(StaffId, "Invented Staff Member", StaffAad);
        await s.StartOnboardingAsync();
        s.Clock.Advance(7 * Day);
        Assert.Single((await s.PassAsync()).Sent);

        // (After a week, the bot first says the earlier conversation has lapsed; the card follows.)
        var keep = await s.SayAsync(s.Chat.Message("what do you keep about me"));
        Assert.Contains(keep, m => CardReader.VisibleText(m).Contains(
            "If you started onboarding: when you last used it, whether you finished it, your language code (fr or en), how many reminders I sent you and when, and whether you stopped them.",
            StringComparison.Ordinal));

        await s.SayAsync(s.Chat.Message("forget me"));
        var done = await s.SayAsync(s.Chat.Submit(new { choice = "yes" }));
        Assert.Contains(done, m => m.Text?.Contains(Ui("forget.item.reach", Language.En), StringComparison.Ordinal) == true);
        Assert.Null(await s.Store.ReadAsync(StaffId));

        s.Clock.Advance(7 * Day);
        Assert.Empty((await s.PassAsync()).Sent);
    }

    [Fact]
    public async Task TeamsRefusing_403_MarksHerUnreachable_AndNothingIsTriedAgain()
    {
        await using var s = await StartAsync();
        await s.StartOnboardingAsync();
        s.Clock.Advance(7 * Day);
        s.Connector.Enqueue(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");
        var (pass, sent) = await s.PassAsync();
        Assert.Equal(new ReminderService.Pass(true, 0, 1, 0), pass);
        Assert.Empty(sent);
        Assert.True((await s.Store.ReadAsync(StaffId))!.Unreachable);
        s.Clock.Advance(7 * Day);
        Assert.Equal(new ReminderService.Pass(true, 0, 0, 0), (await s.PassAsync()).Pass);
    }
}
