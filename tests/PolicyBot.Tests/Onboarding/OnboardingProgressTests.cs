using PolicyBot.Knowledge;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>The rules of progress on their own: what counts, what is scored, and what survives a content change.</summary>
[Trait("Category", "Fast")]
public sealed class OnboardingProgressTests
{
    private static readonly OnboardingLessons Lessons = OnboardingLessons.LoadShipped(ContentLibrary.Default);
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnlyTheFirstTry_ScoresAndAWrongAnswerCanBeRetried()
    {
        var lesson = Lessons.First;
        var progress = Started();
        progress.BeginQuestions(lesson);
        var (q1, q2) = (lesson.Questions[0], lesson.Questions[1]);

        Assert.Equal(new AnswerOutcome(false, true, null, false), progress.Answer(Lessons, lesson, q1, Wrong(q1), Now, 0));
        Assert.Equal(new AnswerOutcome(false, true, null, false), progress.Answer(Lessons, lesson, q1, Wrong(q1), Now, 0));
        Assert.Equal(q1.Id, progress.Question);
        Assert.True(progress.Answer(Lessons, lesson, q1, Right(q1), Now, 0).Right);
        Assert.Equal(q2.Id, progress.Question);

        var last = progress.Answer(Lessons, lesson, q2, Right(q2), Now, 0);
        Assert.Equal(1, last.CompletedLesson!.FirstTry);
        Assert.Equal(2, last.CompletedLesson.Questions);
        Assert.Equal(Now, last.CompletedLesson.CompletedAt);
        Assert.Empty(progress.Missed);
        Assert.Equal(Lessons.All[1].Id, progress.Lesson);
        Assert.Null(progress.Question);
    }

    [Fact]
    public void AnAnswerToAnotherQuestion_ChangesNothing()
    {
        var lesson = Lessons.First;
        var progress = Started();
        var before = System.Text.Json.JsonSerializer.Serialize(progress);

        // Still at the key points: an answer to question 1 does not count yet.
        var outcome = progress.Answer(Lessons, lesson, lesson.Questions[0], Wrong(lesson.Questions[0]), Now, 0);
        Assert.False(outcome.Counted);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(progress));

        // Nor does an answer about a later lesson.
        var later = Lessons.All[3];
        progress.BeginQuestions(lesson);
        Assert.False(progress.Answer(Lessons, later, later.Questions[0], Right(later.Questions[0]), Now, 0).Counted);
        Assert.Equal(lesson.Questions[0].Id, progress.Question);
    }

    [Fact]
    public void FinishingTheLastLesson_RecordsTheDateAndThePolicyVersion()
    {
        var progress = Started();
        AnswerAll(progress, Lessons.All);
        Assert.True(progress.IsFinished());
        Assert.Null(progress.Lesson);
        Assert.Equal(Now, progress.FinishedAt);
        Assert.Equal(3, progress.PolicyVersion);
        Assert.Equal(Lessons.Count, progress.Completed.Count);
    }

    [Fact]
    public void ALessonOrQuestionRemovedByADeploy_FallsBackToAStepThatExists()
    {
        var progress = Started();
        AnswerAll(progress, Lessons.All.Take(2));
        progress.Lesson = "a-lesson-that-was-removed";
        progress.Question = "q";
        Assert.True(progress.Reconcile(Lessons));
        Assert.Equal(Lessons.All[2].Id, progress.Lesson);
        Assert.Null(progress.Question);

        progress.BeginQuestions(Lessons.All[2]);
        progress.Question = "renamed";
        progress.Missed = ["renamed"];
        Assert.True(progress.Reconcile(Lessons));
        Assert.Null(progress.Question);
        Assert.Empty(progress.Missed);
        Assert.False(progress.Reconcile(Lessons));
    }

    private static OnboardingProgress Started()
    {
        var progress = new OnboardingProgress();
        progress.Start(Lessons);
        return progress;
    }

    private static void AnswerAll(OnboardingProgress progress, IEnumerable<Lesson> lessons)
    {
        foreach (var lesson in lessons)
        {
            Assert.True(progress.BeginQuestions(lesson));
            foreach (var question in lesson.Questions) Assert.True(progress.Answer(Lessons, lesson, question, Right(question), Now, 3).Counted);
        }
    }

    private static LessonOption Right(LessonQuestion q) => q.FindOption(q.Answer)!;

    private static LessonOption Wrong(LessonQuestion q) => q.Options.First(o => o.Id != q.Answer);
}
