using System.Text.Json.Nodes;
using BotFramework.Testing;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>The managers' onboarding report: who started, lessons completed, date completed — and nobody else gets it.</summary>
[Trait("Category", "Fast")]
public sealed class OnboardingReportTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 14, 22, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AManager_SeesNamesLessonsCompletedAndDatesButNoScoresOrAnswers()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lessons = bot.Lessons;

        var amelie = bot.Flow(bot.Chat(Staff.Amelie))
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .WalkLesson(lessons, lessons.First, Words.En, _ => true);
        await amelie.StartTestAsync();

        var beth = bot.Flow(bot.Chat(Staff.Beth, "fr-CA"))
            .Send("formation").AssertReplyContains("Bienvenue").AssertReplyContains("Formation · Leçon 1 de 8");
        foreach (var lesson in lessons.All) beth = beth.WalkLesson(lessons, lesson, Words.Fr, q => q.Id.Length % 2 == 0);
        await beth.AssertReplyContains("Formation terminée. Bravo!").StartTestAsync();

        string? shown = null;
        await bot.Flow(bot.Chat(Staff.Manager))
            .Send("onboarding report")
            .AssertReply(reply => shown = CardReader.VisibleText(reply))
            .StartTestAsync();

        Assert.Contains("Onboarding report", shown);
        Assert.Contains("People who started onboarding: 2.", shown);
        Assert.Contains("Amélie Test\nLessons completed: 1 of 8 · in progress", shown);
        Assert.Contains("Beth Test\nLessons completed: 8 of 8 · completed on March 14, 2025", shown);
        Assert.True(shown!.IndexOf("Amélie Test", StringComparison.Ordinal) < shown.IndexOf("Beth Test", StringComparison.Ordinal), "Names are sorted.");
        Assert.DoesNotContain("first try", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" of 2", shown, StringComparison.Ordinal);
        foreach (var option in lessons.All.SelectMany(l => l.Questions).SelectMany(q => q.Options)) Assert.DoesNotContain(option.En.Label, shown, StringComparison.Ordinal);

        // The stored roster holds exactly name, count and date per person.
        var roster = (await bot.Storage.ReadAsync([OnboardingRoster.Key]))[OnboardingRoster.Key].Document["staff"]!.AsObject();
        Assert.Equal([Staff.Amelie.AadObjectId, Staff.Beth.AadObjectId], roster.Select(p => p.Key).Order());
        Assert.Equal(["name", "lessonsCompleted"], roster[Staff.Amelie.AadObjectId]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "lessonsCompleted", "completedAt"], roster[Staff.Beth.AadObjectId]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task ADisplayNameWithLinksOrMarkdown_IsShownAsPlainWords()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var roster = new OnboardingRoster(bot.Storage);
        await roster.SetAsync("00000000-0000-0000-0000-0000000000d1", new RosterEntry("**Urgent** [read](https://evil.example/x) now", 1, null));
        await roster.SetAsync("00000000-0000-0000-0000-0000000000d2", new RosterEntry("Visit www.evil.example or http://evil.example", 1, null));
        await roster.SetAsync("00000000-0000-0000-0000-0000000000d3", new RosterEntry("- 1. _Jo_ `code` # > Test", 1, null));

        var shown = "";
        await bot.Flow(bot.Chat(Staff.Manager))
            .Send("onboarding report")
            .AssertReply(reply => shown = CardReader.VisibleText(reply))
            .StartTestAsync();

        Assert.DoesNotContain("evil.example", shown);
        Assert.DoesNotContain("www.evil", shown);
        Assert.DoesNotContain("://", shown);
        Assert.DoesNotContain("**", shown);
        Assert.DoesNotContain("](", shown);
        Assert.DoesNotContain("`", shown);
        // What the names said is still readable: a one-dot leader for the dots, fraction slashes for "//".
        Assert.Contains("Urgent read (https:\u2044\u2044evil\u2024example/x) now", shown);
        Assert.Contains("Visit www\u2024evil\u2024example or http:\u2044\u2044evil\u2024example", shown);
        Assert.Contains("1\u2024 Jo code Test", shown);
    }

    [Fact]
    public async Task AManagerAskingInFrench_GetsTheReportInFrench()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        await bot.Flow(bot.Chat(Staff.Manager, "fr-CA"))
            .Send("Rapport de formation")
            .AssertReplyContains("Rapport de formation", "Personnes qui ont commencé la formation : 0.", "Personne n'a encore commencé la formation.")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en-US", "onboarding report", "Sorry, only managers can see the onboarding report: the people whose Entra ID is listed in the bot's PolicyBot:Managers setting. Ask your manager or whoever administers Teams in your organisation.")]
    [InlineData("fr-CA", "rapport de formation", "Désolée, seules les personnes gestionnaires peuvent voir le rapport de formation : celles dont l'identifiant Entra figure dans le paramètre PolicyBot:Managers du bot. Adressez-vous à votre gestionnaire ou à la personne qui administre Teams dans votre organisation.")]
    public async Task SomeoneNotAManager_IsToldPolitelyWhoCanSeeIt(string locale, string ask, string refusal)
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        await bot.Flow(bot.Chat(Staff.Amelie, locale))
            .Send("onboarding").AssertReply(_ => { }).AssertReply(_ => { })
            .Send(ask)
            .AssertReply(refusal)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task TheReport_IsNotShownInAChannel()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var adapter = bot.Chat(Staff.Manager, channel: true);
        await bot.Flow(adapter)
            .Send(() => adapter.MakeMention("onboarding report"))
            .AssertReply("The onboarding report contains names, so I only show it in a personal chat with me.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConcurrentRosterUpdates_AreMergedNotLost()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var writers = Enumerable.Range(0, 8).Select(i => new OnboardingRoster(bot.Storage)
            .SetAsync($"00000000-0000-0000-0000-0000000001{i:D2}", new RosterEntry($"Person {i}", i, null)));
        await Task.WhenAll(writers);

        var roster = await new OnboardingRoster(bot.Storage).ReadAsync();
        Assert.Equal(8, roster.Count);
        Assert.Equal(Enumerable.Range(0, 8), roster.Select(e => e.LessonsCompleted).Order());
    }
}
