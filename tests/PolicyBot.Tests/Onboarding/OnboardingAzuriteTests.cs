using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Onboarding;

/// <summary>
/// Onboarding progress in production's storage: the real web host on Blob storage (Azurite), stopped in
/// the middle of a lesson and replaced by a new host on the same container.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class OnboardingAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Continue_ResumesAtTheSameStepAfterTheHostIsStoppedMidLesson()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:ContainerName"] = $"onboarding-{Guid.NewGuid():N}"[..40],
        };
        var lesson = OnboardingLessons.LoadShipped(ContentLibrary.Default).First;
        var (q1, q2) = (lesson.Questions[0], lesson.Questions[1]);
        await using var connector = await FakeConnector.StartAsync();
        var teams = new TeamsActivities(connector.ServiceUrl);

        string shownBeforeStop;
        using (var first = new BotHost(settings))
        {
            await PostAsync(first, teams.Message("onboarding"));
            await PostAsync(first, teams.Submit(new { action = CardActions.OnboardingQuestions, lesson = lesson.Id }));
            await PostAsync(first, teams.Submit(Answer(lesson, q1, LessonWalk.Wrong(q1))));
            await PostAsync(first, teams.Submit(Answer(lesson, q1, LessonWalk.Right(q1))));
            await PostAsync(first, teams.Submit(new { action = CardActions.OnboardingContinue }));
            shownBeforeStop = CardReader.VisibleText(connector.Messages[^1]);
            Assert.Contains("Question 2 of 2", shownBeforeStop);
            Assert.Contains(q2.En.Text, shownBeforeStop);
        }

        // A new host on the same container: nothing of the first one is left in memory.
        using var second = new BotHost(settings);
        var before = connector.Messages.Count;
        await PostAsync(second, teams.Message("continue"));
        var resumed = connector.Messages.Skip(before).ToList();
        Assert.Equal(shownBeforeStop, CardReader.VisibleText(Assert.Single(resumed)));

        before = connector.Messages.Count;
        await PostAsync(second, teams.Submit(Answer(lesson, q2, LessonWalk.Right(q2))));
        var feedback = CardReader.VisibleText(Assert.Single(connector.Messages.Skip(before)));
        Assert.Contains("That's right!", feedback);
        Assert.Contains("Lesson 1 complete: 1 of 2 right on the first try.", feedback);
        Assert.DoesNotContain(second.Logs.Lines, line => line.Contains("Error", StringComparison.Ordinal));
    }

    private static object Answer(Lesson lesson, LessonQuestion question, LessonOption option) =>
        new { action = CardActions.OnboardingAnswer, lesson = lesson.Id, question = question.Id, option = option.Id, topic = question.Topic };

    private static async Task PostAsync(BotHost host, Activity activity)
    {
        using var response = await host.PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
