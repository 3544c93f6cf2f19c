using System.Text.Json.Nodes;
using BotFramework.Testing;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>What onboarding keeps, says it keeps, and deletes on "forget me".</summary>
[Trait("Category", "Fast")]
public sealed class OnboardingPrivacyTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ForgetMe_SaysItDeletesProgressAndTheReportLineThenDeletesBoth()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var adapter = bot.Chat(Staff.Amelie);
        await bot.Flow(adapter)
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .WalkLesson(bot.Lessons, bot.Lessons.First, Words.En, _ => false)
            .Send("forget me")
            .AssertReplyContains(
                "Do you want me to delete everything I keep about you (language, onboarding, feedback, policies you confirmed reading, our personal chat)?",
                "Your onboarding progress and your line in the managers' onboarding report (your name, your lessons completed) will be deleted too.")
            .StartTestAsync();

        // Asked, not yet done: both are still stored.
        Assert.NotNull(await ReadUserDocumentAsync(bot));
        Assert.Contains(await new OnboardingRoster(bot.Storage).ReadAsync(), e => e.Name == Staff.Amelie.Name);

        // The "Yes, delete everything" button of that card.
        await bot.Flow(adapter)
            .Submit(new { choice = "yes" })
            .AssertReply("Done. I deleted: your profile (language choice, onboarding progress, feedback and acknowledgements given) and where you were in our personal chat and your line in the onboarding report and the record of my welcome, invitation and reminder messages.")
            .StartTestAsync();
        Assert.Null(await ReadUserDocumentAsync(bot));
        Assert.Empty(await new OnboardingRoster(bot.Storage).ReadAsync());

        await bot.Flow(adapter)
            .Send("continue")
            .AssertReplyContains("You haven't started onboarding yet.", "[Start onboarding]")
            .StartTestAsync();
        Assert.Null((await ReadUserDocumentAsync(bot))?[OnboardingFeature.ProgressProperty]);
    }

    [Fact]
    public async Task KeepingTheDataAfterForgetMe_ChangesNothing()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var adapter = bot.Chat(Staff.Amelie, "fr-CA");
        await bot.Flow(adapter)
            .Send("formation").AssertReplyContains("Bienvenue").AssertReplyContains("Formation · Leçon 1 de 8")
            .Send("oublie-moi")
            .AssertReplyContains("Votre progression de formation et votre ligne dans le rapport de formation des gestionnaires (votre nom, vos leçons terminées) seront aussi effacées.")
            .Click("Non, garder")
            .AssertReply("D'accord, je n'efface rien.")
            .Send("continuer")
            .AssertReplyContains("Formation · Leçon 1 de 8")
            .StartTestAsync();
        Assert.Single(await new OnboardingRoster(bot.Storage).ReadAsync());
    }

    [Fact]
    public async Task ThePrivacyCard_MentionsProgressAndTheReportLine()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        await bot.Flow(bot.Chat(Staff.Amelie))
            .Send("what do you keep about me")
            .AssertReplyContains(
                "Your onboarding progress (lesson, step, date and score of each finished lesson)",
                "For the managers' onboarding report: your Teams display name, how many lessons you completed and the date you finished — never your answers or scores.")
            .StartTestAsync();
    }

    [Fact]
    public async Task StoredProgress_HoldsIdsDatesAndCountsAndNoAnswersOnceALessonIsDone()
    {
        using var bot = new OnboardingBot(_data.Path, _clock);
        var lessons = bot.Lessons;
        var first = lessons.First;
        var adapter = bot.Chat(Staff.Amelie);
        await bot.Flow(adapter)
            .Send("onboarding").AssertReplyContains("Welcome").AssertReplyContains("Onboarding · Lesson 1 of 8")
            .WalkLesson(lessons, first, Words.En, _ => true)
            .Click("On to the questions").AssertReplyContains("Question 1 of 3")
            .Send("my own words that must never be stored")
            .AssertReplyContains("To answer, tap a button")
            .AssertReplyContains("Question 1 of 3")
            .StartTestAsync();

        var progress = (await ReadUserDocumentAsync(bot))![OnboardingFeature.ProgressProperty]!.AsObject();
        Assert.Equal(lessons.All[1].Id, progress["lesson"]!.GetValue<string>());
        Assert.Equal(lessons.All[1].Questions[0].Id, progress["question"]!.GetValue<string>());
        var done = Assert.Single(progress["completed"]!.AsArray())!.AsObject();
        Assert.Equal(["lesson", "completedAt", "firstTry", "questions"], done.Select(p => p.Key));
        Assert.Equal(0, done["firstTry"]!.GetValue<int>());
        Assert.Empty(progress["missed"]!.AsArray());

        var stored = string.Join("\n", Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("never be stored", stored, StringComparison.Ordinal);
        foreach (var option in first.Questions.SelectMany(q => q.Options)) Assert.DoesNotContain($"\"{option.Id}\"", stored, StringComparison.Ordinal);
    }

    private static async Task<JsonObject?> ReadUserDocumentAsync(OnboardingBot bot)
    {
        var key = $"msteams/users/29:{Staff.Amelie.Key}";
        var read = await bot.Storage.ReadAsync([key]);
        return read.TryGetValue(key, out var stored) ? stored.Document : null;
    }
}
