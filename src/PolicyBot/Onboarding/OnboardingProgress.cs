
namespace PolicyBot.Onboarding;

/// <summary>
/// Where one person is in onboarding, kept in user state (property <c>onboarding</c>) so it outlives
/// conversations, deploys and restarts. Only ids, dates and counts: the lesson and step she is on, the
/// questions of that lesson she missed at first (to score it), and each finished lesson's date and score.
/// No answer is kept once a lesson is done.
/// </summary>
public sealed class OnboardingProgress
{
    /// <summary>The lesson she is on; null before she starts and once she has finished.</summary>
    public string? Lesson { get; set; }

    /// <summary>The question she is on in <see cref="Lesson"/>; null while she reads the key points.</summary>
    public string? Question { get; set; }

    /// <summary>Questions of the current lesson answered wrong at least once (cleared when the lesson is done).</summary>
    public List<string> Missed { get; set; } = [];

    public List<CompletedLesson> Completed { get; set; } = [];

    /// <summary>When the last lesson was completed (UTC).</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The organisation's policy version in force when she finished.</summary>
    public int? PolicyVersion { get; set; }

    public bool HasStarted() => Lesson is not null || Completed.Count > 0 || FinishedAt is not null;

    public bool IsFinished() => FinishedAt is not null;

    public bool IsInProgress() => FinishedAt is null && Lesson is not null;

    /// <summary>Forgets everything and puts her at the key points of the first lesson.</summary>
    public void Start(OnboardingLessons lessons)
    {
        Lesson = lessons.First.Id;
        Question = null;
        Missed = [];
        Completed = [];
        FinishedAt = null;
        PolicyVersion = null;
    }

    /// <summary>
    /// Brings stored ids in line with the lessons of this deploy (a lesson or question may have been
    /// renamed or removed): an unknown lesson becomes the first one not completed, an unknown question
    /// the lesson's key points. Returns whether anything changed.
    /// </summary>
    public bool Reconcile(OnboardingLessons lessons)
    {
        if (!IsInProgress()) return false;
        var changed = false;
        var lesson = lessons.Find(Lesson);
        if (lesson is null)
        {
            lesson = lessons.All.FirstOrDefault(l => Completed.All(c => c.Lesson != l.Id)) ?? lessons.First;
            Lesson = lesson.Id;
            Question = null;
            Missed = [];
            changed = true;
        }
        if (Question is not null && lesson.FindQuestion(Question) is null)
        {
            Question = null;
            changed = true;
        }
        var missed = Missed.Where(id => lesson.FindQuestion(id) is not null).Distinct().ToList();
        if (missed.Count != Missed.Count)
        {
            Missed = missed;
            changed = true;
        }
        return changed;
    }

    /// <summary>Moves from a lesson's key points to its first question; false when she is not at those key points.</summary>
    public bool BeginQuestions(Lesson lesson)
    {
        if (!IsInProgress() || Lesson != lesson.Id || Question is not null) return false;
        Question = lesson.Questions[0].Id;
        return true;
    }

    /// <summary>
    /// Applies an answer. Only an answer to the question she is on counts: a wrong one is remembered
    /// for the score and can be retried; a right one moves her on, completing the lesson (and onboarding)
    /// after its last question. Any other answer changes nothing.
    /// </summary>
    public AnswerOutcome Answer(OnboardingLessons lessons, Lesson lesson, LessonQuestion question, LessonOption option, DateTimeOffset now, int policyVersion)
    {
        var right = question.IsRight(option);
        if (!IsInProgress() || Lesson != lesson.Id || Question != question.Id) return new AnswerOutcome(right, Counted: false, null, Finished: false);
        if (!right)
        {
            if (!Missed.Contains(question.Id)) Missed.Add(question.Id);
            return new AnswerOutcome(right, Counted: true, null, Finished: false);
        }

        if (lesson.QuestionAfter(question) is { } next)
        {
            Question = next.Id;
            return new AnswerOutcome(right, Counted: true, null, Finished: false);
        }

        var done = new CompletedLesson
        {
            Lesson = lesson.Id,
            CompletedAt = now,
            FirstTry = lesson.Questions.Count(q => !Missed.Contains(q.Id)),
            Questions = lesson.Questions.Count,
        };
        Completed.RemoveAll(c => c.Lesson == lesson.Id);
        Completed.Add(done);
        Missed = [];
        Question = null;
        if (lessons.After(lesson) is { } following)
        {
            Lesson = following.Id;
            return new AnswerOutcome(right, Counted: true, done, Finished: false);
        }
        Lesson = null;
        FinishedAt = now;
        PolicyVersion = policyVersion;
        return new AnswerOutcome(right, Counted: true, done, Finished: true);
    }

    public CompletedLesson? CompletedFor(string lessonId) => Completed.FirstOrDefault(c => c.Lesson == lessonId);
}

/// <summary>A finished lesson: when, and how many of its questions were answered right on the first try.</summary>
public sealed class CompletedLesson
{
    public required string Lesson { get; set; }
    public required DateTimeOffset CompletedAt { get; set; }
    public required int FirstTry { get; set; }
    public required int Questions { get; set; }
}

/// <param name="Right">Whether the chosen option is the right one.</param>
/// <param name="Counted">Whether it answered the question she is on (otherwise nothing changed).</param>
/// <param name="CompletedLesson">The lesson this answer completed, if any.</param>
/// <param name="Finished">Whether this answer completed onboarding.</param>
public sealed record AnswerOutcome(bool Right, bool Counted, CompletedLesson? CompletedLesson, bool Finished);
