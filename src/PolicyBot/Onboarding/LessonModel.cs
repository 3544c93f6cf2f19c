using PolicyBot.Knowledge;

namespace PolicyBot.Onboarding;

/// <summary>
/// One onboarding lesson (Content/onboarding/&lt;id&gt;.json): the topics whose key points it teaches,
/// in the guide's order, and 1–3 scenario questions. Key points are not stored here: they are the
/// topics' own summary and steps, so a lesson and a guideline never disagree.
/// </summary>
public sealed class Lesson
{
    public required string Id { get; init; }
    public required int Order { get; init; }

    /// <summary>The part of the guide: <c>organisation</c>, <c>staff</c> or <c>survivors</c>.</summary>
    public required string Part { get; init; }
    public required int Minutes { get; init; }
    public required List<string> Topics { get; init; }
    public required LessonText Fr { get; init; }
    public required LessonText En { get; init; }
    public required List<LessonQuestion> Questions { get; init; }

    public LessonText Text(Language language) => language == Language.Fr ? Fr : En;

    public LessonQuestion? FindQuestion(string? id) => Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>1-based position of a question in this lesson.</summary>
    public int Number(LessonQuestion question) => Questions.IndexOf(question) + 1;

    public LessonQuestion? QuestionAfter(LessonQuestion question)
    {
        var index = Questions.IndexOf(question);
        return index >= 0 && index + 1 < Questions.Count ? Questions[index + 1] : null;
    }
}

public sealed class LessonText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
}

/// <summary>A scenario with buttons; every option explains why it is right or what the guide says instead.</summary>
public sealed class LessonQuestion
{
    public required string Id { get; init; }

    /// <summary>The topic the scenario is about (one of the lesson's topics).</summary>
    public required string Topic { get; init; }

    /// <summary>The id of the right option.</summary>
    public required string Answer { get; init; }
    public required LessonQuestionText Fr { get; init; }
    public required LessonQuestionText En { get; init; }
    public required List<LessonOption> Options { get; init; }

    public string Text(Language language) => (language == Language.Fr ? Fr : En).Text;

    public LessonOption? FindOption(string? id) => Options.FirstOrDefault(o => o.Id == id);

    public bool IsRight(LessonOption option) => option.Id == Answer;
}

public sealed class LessonQuestionText
{
    public required string Text { get; init; }
}

public sealed class LessonOption
{
    public required string Id { get; init; }
    public required LessonOptionText Fr { get; init; }
    public required LessonOptionText En { get; init; }

    /// <summary>The guide's words behind the explanation (why it is right, or what the guide says instead).</summary>
    public string? Source { get; init; }

    public LessonOptionText Text(Language language) => language == Language.Fr ? Fr : En;
}

public sealed class LessonOptionText
{
    public required string Label { get; init; }
    public required string Explanation { get; init; }
}
