using System.Globalization;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Onboarding;

/// <summary>
/// The onboarding cards: lesson key points, scenario questions, answer feedback, progress, completion
/// and the managers' report. Layout from <c>cards/</c>; words from the lessons, the topics and the
/// interface strings. Every button says which lesson, question and option it is about, so a click on
/// an older card still lands on the right question. Each card's data is built by its own <c>…Data</c>
/// method, as in <see cref="GuidelineCards"/>, so tests can check it and expand it with other templaters.
/// </summary>
public sealed class OnboardingCards(GuidelineCards cards, OnboardingLessons lessons)
{
    public OnboardingLessons Lessons { get; } = lessons;

    /// <summary>A lesson's key points: each topic's title, summary and steps, exactly as the guideline shows them.</summary>
    public Attachment Lesson(Lesson lesson, Language language) => Card("lesson", LessonData(lesson, language));

    internal JsonObject LessonData(Lesson lesson, Language language)
    {
        var text = lesson.Text(language);
        var topics = new JsonArray();
        foreach (var topicId in lesson.Topics)
        {
            var topic = cards.Content.Topic(topicId).Text(language);
            topics.Add(new JsonObject
            {
                ["title"] = topic.Title,
                ["summary"] = topic.Summary,
                ["steps"] = Steps(topic.DoNow),
            });
        }
        return new JsonObject
        {
            ["header"] = Ui("onboarding.lesson.header", language, Lessons.Number(lesson), Lessons.Count),
            ["part"] = Ui($"onboarding.part.{lesson.Part}", language),
            ["title"] = text.Title,
            ["meta"] = Ui("onboarding.lesson.meta", language, lesson.Minutes, lesson.Questions.Count),
            ["intro"] = text.Intro,
            ["keyPoints"] = Ui("onboarding.lesson.keyPoints", language),
            ["topics"] = topics,
            ["hint"] = Ui("onboarding.lesson.hint", language),
            ["actions"] = new JsonArray(
                Button(Ui("onboarding.action.questions", language), new JsonObject { ["action"] = CardActions.OnboardingQuestions, ["lesson"] = lesson.Id }),
                Button(Ui("onboarding.action.progress", language), new JsonObject { ["action"] = CardActions.OnboardingProgress })),
        };
    }

    public Attachment Question(Lesson lesson, LessonQuestion question, Language language) =>
        Card("lesson-question", QuestionData(lesson, question, language));

    internal JsonObject QuestionData(Lesson lesson, LessonQuestion question, Language language) =>
        new()
        {
            ["header"] = Ui("onboarding.question.header", language, Lessons.Number(lesson), Lessons.Count, lesson.Text(language).Title),
            ["progress"] = Ui("onboarding.question.progress", language, lesson.Number(question), lesson.Questions.Count),
            ["topic"] = Ui("onboarding.question.topic", language, cards.Content.Topic(question.Topic).Text(language).Title),
            ["question"] = question.Text(language),
            ["options"] = AnswerButtons(lesson, question, language),
            ["hint"] = Ui("onboarding.question.hint", language),
            ["actions"] = new JsonArray(ReviewButton(lesson, language)),
        };

    /// <summary>What the chosen answer means. A counted wrong answer offers the options again; a right one, the way on.</summary>
    public Attachment Feedback(Lesson lesson, LessonQuestion question, LessonOption option, AnswerOutcome outcome, OnboardingProgress progress, Language language) =>
        Card("answer-feedback", FeedbackData(lesson, question, option, outcome, progress, language));

    internal JsonObject FeedbackData(Lesson lesson, LessonQuestion question, LessonOption option, AnswerOutcome outcome, OnboardingProgress progress, Language language)
    {
        var retry = outcome.Counted && !outcome.Right;
        var actions = new JsonArray();
        if (retry)
        {
            actions.Add(ReviewButton(lesson, language));
        }
        else if (!outcome.Counted)
        {
            actions.Add(progress.IsInProgress()
                ? Button(Ui("onboarding.action.resume", language), Action(CardActions.OnboardingContinue))
                : progress.HasStarted()
                    ? Button(Ui("onboarding.action.progress", language), Action(CardActions.OnboardingProgress))
                    : Button(Ui("onboarding.action.start", language), Action(CardActions.Onboarding)));
        }
        else if (!outcome.Finished)
        {
            var next = outcome.CompletedLesson is null ? "onboarding.action.nextQuestion" : "onboarding.action.nextLesson";
            actions.Add(Button(Ui(next, language), Action(CardActions.OnboardingContinue)));
        }

        var done = outcome.CompletedLesson;
        return new JsonObject
        {
            ["correct"] = outcome.Right,
            ["verdict"] = Ui(outcome.Right ? "onboarding.feedback.right" : "onboarding.feedback.wrong", language),
            ["practice"] = !outcome.Counted,
            ["practiceNote"] = Ui("onboarding.feedback.practice", language),
            ["question"] = question.Text(language),
            ["yourAnswer"] = Ui("onboarding.feedback.yourAnswer", language, option.Text(language).Label),
            ["explanation"] = option.Text(language).Explanation,
            ["lessonDone"] = done is not null,
            ["lessonDoneText"] = done is null ? "" : Ui("onboarding.feedback.lessonDone", language, Lessons.Number(lesson), done.FirstTry, done.Questions),
            ["retry"] = retry,
            ["retryLabel"] = Ui("onboarding.feedback.retry", language),
            ["options"] = retry ? AnswerButtons(lesson, question, language) : new JsonArray(),
            ["actions"] = actions,
        };
    }

    /// <summary>Every lesson with where she is: done (date and score), current (which step), or to come.</summary>
    public Attachment Progress(OnboardingProgress progress, Language language) => Card("onboarding-progress", ProgressData(progress, language));

    internal JsonObject ProgressData(OnboardingProgress progress, Language language)
    {
        var rows = new JsonArray();
        foreach (var lesson in Lessons.All)
        {
            var number = Lessons.Number(lesson);
            var title = lesson.Text(language).Title;
            string line, detail;
            if (progress.CompletedFor(lesson.Id) is { } done)
            {
                line = Ui("onboarding.progress.lineDone", language, number, title);
                detail = Ui("onboarding.progress.done", language, Date(done.CompletedAt, language), done.FirstTry, done.Questions);
            }
            else if (progress.IsInProgress() && progress.Lesson == lesson.Id)
            {
                line = Ui("onboarding.progress.lineCurrent", language, number, title);
                detail = lesson.FindQuestion(progress.Question) is { } question
                    ? Ui("onboarding.progress.atQuestion", language, lesson.Number(question), lesson.Questions.Count)
                    : Ui("onboarding.progress.atKeyPoints", language);
            }
            else
            {
                line = Ui("onboarding.progress.lineTodo", language, number, title);
                detail = Ui("onboarding.progress.todo", language);
            }
            rows.Add(new JsonObject { ["line"] = line, ["detail"] = detail });
        }

        var completed = Lessons.All.Count(l => progress.CompletedFor(l.Id) is not null);
        var summary = !progress.HasStarted()
            ? Ui("onboarding.notStarted", language)
            : progress.FinishedAt is { } finished
                ? Ui("onboarding.progress.finished", language, Date(finished, language))
                : Ui("onboarding.progress.summary", language, completed, Lessons.Count);
        var actions = new JsonArray();
        if (!progress.HasStarted()) actions.Add(Button(Ui("onboarding.action.start", language), Action(CardActions.Onboarding)));
        if (progress.IsInProgress()) actions.Add(Button(Ui("onboarding.action.continue", language), Action(CardActions.OnboardingContinue)));
        if (progress.HasStarted()) actions.Add(Button(Ui("onboarding.action.restart", language), Action(CardActions.OnboardingRestart)));

        return new JsonObject
        {
            ["title"] = Ui("onboarding.progress.title", language),
            ["summary"] = summary,
            ["lessons"] = rows,
            ["actions"] = actions,
        };
    }

    /// <summary>The end of onboarding: the date, the organisation's policy version she learned, and her scores.</summary>
    public Attachment Complete(OnboardingProgress progress, Language language) => Card("onboarding-complete", CompleteData(progress, language));

    internal JsonObject CompleteData(OnboardingProgress progress, Language language)
    {
        var lines = new List<string>();
        foreach (var lesson in Lessons.All)
        {
            if (progress.CompletedFor(lesson.Id) is not { } done) continue;
            lines.Add(Ui("onboarding.complete.lessonLine", language, Lessons.Number(lesson), lesson.Text(language).Title, done.FirstTry, done.Questions));
        }
        var firstTry = progress.Completed.Sum(c => c.FirstTry);
        var questions = progress.Completed.Sum(c => c.Questions);
        return new JsonObject
        {
            ["title"] = Ui("onboarding.complete.title", language),
            ["completedOn"] = Ui("onboarding.complete.date", language, Date(progress.FinishedAt ?? DateTimeOffset.MinValue, language)),
            ["policy"] = Ui("onboarding.complete.policy", language, PolicyVersion(progress.PolicyVersion ?? 0, language)),
            ["score"] = Ui("onboarding.complete.score", language, firstTry, questions),
            ["lessonsLabel"] = Ui("onboarding.complete.lessons", language),
            ["lessons"] = Lines(lines),
            ["next"] = Ui("onboarding.complete.next", language),
            ["actions"] = new JsonArray(
                Button(Ui("action.menu", language), Action(CardActions.Menu)),
                Button(Ui("onboarding.action.progress", language), Action(CardActions.OnboardingProgress))),
        };
    }

    /// <summary>The managers' report: names, lessons completed and completion dates — never answers or scores.</summary>
    public Attachment Report(IReadOnlyList<RosterEntry> roster, Language language) => Card("onboarding-report", ReportData(roster, language));

    internal JsonObject ReportData(IReadOnlyList<RosterEntry> roster, Language language)
    {
        var culture = Culture(language);
        var staff = new JsonArray();
        foreach (var entry in roster.OrderBy(e => e.Name, StringComparer.Create(culture, CompareOptions.IgnoreCase)))
        {
            var completed = Math.Min(entry.LessonsCompleted, Lessons.Count);
            staff.Add(new JsonObject
            {
                ["name"] = CardTemplate.PlainName(entry.Name ?? "") is { Length: > 0 } name ? name : Ui("onboarding.report.noName", language),
                ["detail"] = entry.CompletedAt is { } finished
                    ? Ui("onboarding.report.completed", language, completed, Lessons.Count, Date(finished, language))
                    : Ui("onboarding.report.inProgress", language, completed, Lessons.Count),
            });
        }
        return new JsonObject
        {
            ["title"] = Ui("onboarding.report.title", language),
            ["intro"] = Ui("onboarding.report.intro", language, roster.Count),
            ["staff"] = staff,
            ["isEmpty"] = roster.Count == 0,
            ["empty"] = Ui("onboarding.report.empty", language),
        };
    }

    /// <summary>"Restart onboarding?" with yes/no buttons that answer the confirmation prompt.</summary>
    public Attachment RestartConfirmation(Language language) =>
        cards.Info(Ui("onboarding.restart.title", language), [Ui("onboarding.restart.confirm", language)],
            (Ui("onboarding.action.restartYes", language), new JsonObject { ["choice"] = "yes" }),
            (Ui("onboarding.action.restartNo", language), new JsonObject { ["choice"] = "no" }));

    /// <summary>A short message with one button that starts or resumes onboarding.</summary>
    public Attachment Notice(string line, Language language, bool started) =>
        cards.Info(Ui("onboarding.progress.title", language), [line],
            started
                ? (Ui("onboarding.action.continue", language), Action(CardActions.OnboardingContinue))
                : (Ui("onboarding.action.start", language), Action(CardActions.Onboarding)));

    public string PolicyVersion(int version, Language language) =>
        version == 0 ? Ui("onboarding.policyVersion.defaults", language) : Ui("onboarding.policyVersion.number", language, version);

    /// <summary>A UTC date the way each language writes it: "14 mars 2025", "March 14, 2025".</summary>
    public static string Date(DateTimeOffset when, Language language) =>
        when.UtcDateTime.ToString(language == Language.Fr ? "d MMMM yyyy" : "MMMM d, yyyy", Culture(language));

    public string Ui(string key, Language language, params object[] args) => cards.Ui(key, language, args);

    private JsonArray AnswerButtons(Lesson lesson, LessonQuestion question, Language language)
    {
        var buttons = new JsonArray();
        foreach (var option in question.Options)
        {
            buttons.Add(Button(option.Text(language).Label, new JsonObject
            {
                ["action"] = CardActions.OnboardingAnswer,
                ["lesson"] = lesson.Id,
                ["question"] = question.Id,
                ["option"] = option.Id,
                ["topic"] = question.Topic,
            }));
        }
        return buttons;
    }

    private JsonObject ReviewButton(Lesson lesson, Language language) =>
        Button(Ui("onboarding.action.review", language), new JsonObject { ["action"] = CardActions.OnboardingReview, ["lesson"] = lesson.Id });

    private static JsonObject Action(string action) => new() { ["action"] = action };

    private static CultureInfo Culture(Language language) => CultureInfo.GetCultureInfo(language == Language.Fr ? "fr-CA" : "en-CA");
}
