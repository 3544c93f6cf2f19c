using System.Text.Json;
using BotFramework.Schema;
using PolicyBot.Knowledge;

namespace PolicyBot.Onboarding;

/// <summary>
/// The onboarding lessons, loaded once from the JSON files shipped under <c>content/onboarding/</c> and
/// checked against the topics: together they cover every topic exactly once, in the guide's order.
/// A broken lesson stops the bot when it starts, not in front of a new hire.
/// </summary>
public sealed class OnboardingLessons
{
    public const string ResourcePrefix = "content/onboarding/";
    public static readonly IReadOnlyList<string> Parts = ["organisation", "staff", "survivors"];

    private readonly Dictionary<string, Lesson> _byId;

    public OnboardingLessons(IEnumerable<Lesson> lessons, ContentLibrary content)
    {
        All = [.. lessons.OrderBy(l => l.Order)];
        var problems = Validate(All, content).ToList();
        if (problems.Count > 0) throw new InvalidDataException("The onboarding lessons are inconsistent:\n- " + string.Join("\n- ", problems));
        _byId = All.ToDictionary(l => l.Id, StringComparer.Ordinal);
    }

    /// <summary>The lessons in the order they are taught.</summary>
    public IReadOnlyList<Lesson> All { get; }

    public Lesson First => All[0];

    public int Count => All.Count;

    public Lesson? Find(string? id) => id is not null && _byId.TryGetValue(id, out var lesson) ? lesson : null;

    /// <summary>1-based position of a lesson.</summary>
    public int Number(Lesson lesson) => lesson.Order;

    public Lesson? After(Lesson lesson) => All.FirstOrDefault(l => l.Order > lesson.Order);

    public static OnboardingLessons LoadShipped(ContentLibrary content)
    {
        var lessons = new List<Lesson>();
        foreach (var name in ShippedFiles.Names.Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = ShippedFiles.OpenRequired(name);
            try
            {
                var lesson = JsonSerializer.Deserialize<Lesson>(stream, BotJson.Options) ?? throw new InvalidDataException($"{name} is empty.");
                if (name != $"{ResourcePrefix}{lesson.Id}.json") throw new InvalidDataException($"{name} holds lesson '{lesson.Id}': the file must be named after its id.");
                lessons.Add(lesson);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{name} is not valid: {e.Message}", e);
            }
        }
        return new OnboardingLessons(lessons, content);
    }

    private static IEnumerable<string> Validate(IReadOnlyList<Lesson> lessons, ContentLibrary content)
    {
        if (lessons.Count is < 5 or > 8) yield return $"There are {lessons.Count} lessons; onboarding has 5 to 8.";
        if (lessons.Select(l => l.Id).Distinct().Count() != lessons.Count) yield return "Two lessons share an id.";
        for (var i = 0; i < lessons.Count; i++)
        {
            if (lessons[i].Order != i + 1) yield return $"Lesson {lessons[i].Id} has order {lessons[i].Order}; orders run 1..{lessons.Count} without gaps.";
        }

        var taught = lessons.SelectMany(l => l.Topics).ToList();
        var guide = content.Topics.Select(t => t.Id).ToList();
        if (!taught.SequenceEqual(guide))
        {
            yield return $"The lessons teach [{string.Join(", ", taught)}]; they must teach every topic once, in the guide's order: [{string.Join(", ", guide)}].";
        }

        var lastPart = 0;
        foreach (var lesson in lessons)
        {
            var part = IndexOfPart(lesson.Part);
            if (part < 0) yield return $"Lesson {lesson.Id}: part '{lesson.Part}' is not one of {string.Join(", ", Parts)}.";
            else if (part < lastPart) yield return $"Lesson {lesson.Id}: part '{lesson.Part}' comes after a later part of the guide.";
            else lastPart = part;
            if (lesson.Minutes is < 1 or > 10) yield return $"Lesson {lesson.Id}: {lesson.Minutes} minutes; a lesson takes a few minutes.";
            if (lesson.Topics.Count == 0) yield return $"Lesson {lesson.Id} teaches no topic.";
            foreach (var problem in Texts(lesson.Id, ("title", lesson.Fr.Title, lesson.En.Title), ("intro", lesson.Fr.Intro, lesson.En.Intro))) yield return problem;

            if (lesson.Questions.Count is < 1 or > 3) yield return $"Lesson {lesson.Id} has {lesson.Questions.Count} questions; a lesson has 1 to 3.";
            if (lesson.Questions.Select(q => q.Id).Distinct().Count() != lesson.Questions.Count) yield return $"Lesson {lesson.Id}: two questions share an id.";
            foreach (var question in lesson.Questions)
            {
                var where = $"{lesson.Id}/{question.Id}";
                if (!lesson.Topics.Contains(question.Topic)) yield return $"Question {where} is about {question.Topic}, which the lesson does not teach.";
                if (question.Options.Count is < 2 or > 4) yield return $"Question {where} has {question.Options.Count} options; a question has 2 to 4.";
                if (question.Options.Select(o => o.Id).Distinct().Count() != question.Options.Count) yield return $"Question {where}: two options share an id.";
                if (question.Options.Count(o => o.Id == question.Answer) != 1) yield return $"Question {where}: its answer '{question.Answer}' is not one of its options.";
                foreach (var problem in Texts(where, ("text", question.Fr.Text, question.En.Text))) yield return problem;
                foreach (var option in question.Options)
                {
                    // Every explanation rests on a passage of the guide.
                    if (content.Guide.Problem(option.Source) is { } sourceProblem)
                    {
                        yield return $"Question {where}/{option.Id}: the explanation's source {sourceProblem}.";
                    }
                    foreach (var problem in ContentChecks.LabelProblems($"Question {where}/{option.Id}: the label", option.Fr.Label, option.En.Label)) yield return problem;
                    foreach (var problem in Texts($"{where}/{option.Id}", ("explanation", option.Fr.Explanation, option.En.Explanation)))
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    private static int IndexOfPart(string part)
    {
        for (var i = 0; i < Parts.Count; i++)
        {
            if (Parts[i] == part) return i;
        }
        return -1;
    }

    private static IEnumerable<string> Texts(string where, params (string Field, string Fr, string En)[] fields)
    {
        foreach (var (field, fr, en) in fields)
        {
            if (string.IsNullOrWhiteSpace(fr)) yield return $"{where}: {field} is empty in French.";
            if (string.IsNullOrWhiteSpace(en)) yield return $"{where}: {field} is empty in English.";
        }
    }
}
