using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>The words a person sees on the onboarding cards, written out per language so tests check them literally.</summary>
internal sealed record Words(
    Language Language,
    string ToQuestions,
    string NextQuestion,
    string NextLesson,
    string Right,
    string Wrong,
    string TryAgain,
    Func<int, int, string> LessonHeader,
    Func<int, int, string> QuestionOf,
    Func<int, int, int, string> LessonDone)
{
    public static Words Fr { get; } = new(Language.Fr, "Passer aux questions", "Question suivante", "Leçon suivante",
        "Bonne réponse!", "Pas tout à fait.", "Essayez de nouveau :",
        (n, of) => $"Formation · Leçon {n} de {of}",
        (n, of) => $"Question {n} de {of}",
        (n, right, of) => $"Leçon {n} terminée : {right} sur {of} du premier coup.");

    public static Words En { get; } = new(Language.En, "On to the questions", "Next question", "Next lesson",
        "That's right!", "Not quite.", "Try again:",
        (n, of) => $"Onboarding · Lesson {n} of {of}",
        (n, of) => $"Question {n} of {of}",
        (n, right, of) => $"Lesson {n} complete: {right} of {of} right on the first try.");
}

/// <summary>Builds the clicks and checks of walking through lessons, from the lessons' own content.</summary>
internal static class LessonWalk
{
    /// <summary>What the lesson card must show: its header, title, and every topic's title, summary and steps.</summary>
    public static string[] KeyPoints(Lesson lesson, OnboardingLessons lessons, Words words)
    {
        var expected = new List<string> { words.LessonHeader(lesson.Order, lessons.Count), lesson.Text(words.Language).Title };
        foreach (var topicId in lesson.Topics)
        {
            var topic = ContentLibrary.Default.Topic(topicId).Text(words.Language);
            expected.Add(topic.Title);
            expected.Add(topic.Summary);
            expected.AddRange(topic.DoNow.Select((step, i) => $"{i + 1}. {step}"));
        }
        return [.. expected];
    }

    public static LessonOption Right(LessonQuestion question) => question.FindOption(question.Answer)!;

    public static LessonOption Wrong(LessonQuestion question) => question.Options.First(o => o.Id != question.Answer);

    /// <summary>
    /// From a lesson's key-points card (the last card shown) to the end of its last question's feedback:
    /// each question answered wrong first when <paramref name="missFirst"/> says so, then right. Afterwards
    /// the next lesson's key points are shown, unless this was the last lesson.
    /// </summary>
    public static TestFlow WalkLesson(this TestFlow flow, OnboardingLessons lessons, Lesson lesson, Words words, Func<LessonQuestion, bool> missFirst)
    {
        var language = words.Language;
        flow = flow.Click(words.ToQuestions)
            .AssertReplyContains(words.QuestionOf(1, lesson.Questions.Count), lesson.Questions[0].Text(language));
        var firstTry = 0;
        foreach (var question in lesson.Questions)
        {
            var right = Right(question).Text(language);
            if (missFirst(question))
            {
                var wrong = Wrong(question).Text(language);
                flow = flow.Click(wrong.Label)
                    .AssertReplyContains(words.Wrong, wrong.Explanation, words.TryAgain, right.Label);
            }
            else
            {
                firstTry++;
            }

            if (lesson.QuestionAfter(question) is { } next)
            {
                flow = flow.Click(right.Label).AssertReplyContains(words.Right, right.Explanation, words.NextQuestion)
                    .Click(words.NextQuestion)
                    .AssertReplyContains(words.QuestionOf(lesson.Number(next), lesson.Questions.Count), next.Text(language));
            }
            else
            {
                // The last answer's card also says the lesson is done, with its first-try score.
                flow = flow.Click(right.Label).AssertReplyContains(words.Right, right.Explanation, words.LessonDone(lesson.Order, firstTry, lesson.Questions.Count));
            }
        }

        if (lessons.After(lesson) is { } following)
        {
            flow = flow.Click(words.NextLesson).AssertReplyContains(KeyPoints(following, lessons, words));
        }
        return flow;
    }
}
