using System.Reflection;
using System.Text.Json;
using BotFramework.Schema;

namespace PolicyBot.Knowledge;

/// <summary>
/// All of the bot's words, loaded once from the JSON embedded in this assembly: the guidelines
/// (topics), the guided situations, the synonyms, and the interface strings. Checked at load: a
/// broken reference stops the bot at start, not in front of a user.
/// </summary>
public sealed class ContentLibrary
{
    private readonly Dictionary<string, Topic> _topics;
    private readonly Dictionary<string, Situation> _situations;
    private readonly Dictionary<string, Dictionary<string, string>> _ui;

    private ContentLibrary(IEnumerable<Topic> topics, IEnumerable<Situation> situations, SynonymGroups synonyms, Dictionary<string, Dictionary<string, string>> ui, Guide guide)
    {
        Guide = guide;
        _topics = topics.OrderBy(t => t.Order).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _situations = situations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Synonyms = synonyms;
        _ui = ui;
        Topics = [.. _topics.Values];
        Situations = [.. _situations.Values];
        var problems = Validate().ToList();
        if (problems.Count > 0) throw new InvalidDataException("The bot's content is inconsistent:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>Topics in the guide's order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Situation> Situations { get; }

    public SynonymGroups Synonyms { get; }

    /// <summary>The guide every statement's <c>source</c> is quoted from.</summary>
    public Guide Guide { get; }

    public static ContentLibrary Default { get; } = LoadEmbedded();

    public Topic Topic(string id) => _topics.TryGetValue(id, out var t) ? t : throw new KeyNotFoundException($"No topic '{id}'.");

    public bool TryGetTopic(string? id, out Topic topic)
    {
        topic = null!;
        return id is not null && _topics.TryGetValue(id, out topic!);
    }

    public Situation Situation(string id) => _situations.TryGetValue(id, out var s) ? s : throw new KeyNotFoundException($"No situation '{id}'.");

    public bool TryGetSituation(string? id, out Situation situation)
    {
        situation = null!;
        return id is not null && _situations.TryGetValue(id, out situation!);
    }

    /// <summary>An interface string (Content/ui.json), with <c>{0}</c>-style arguments.</summary>
    public string Ui(string key, Language language, params object[] args)
    {
        if (!_ui.TryGetValue(key, out var texts) || !texts.TryGetValue(language.Code(), out var text))
        {
            throw new KeyNotFoundException($"No interface string '{key}' in {language.Code()}.");
        }
        return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);
    }

    public IEnumerable<string> UiKeys => _ui.Keys;

    public static ContentLibrary LoadEmbedded()
    {
        var assembly = typeof(ContentLibrary).Assembly;
        var names = assembly.GetManifestResourceNames();
        var topics = names.Where(n => n.StartsWith("content/topics/", StringComparison.Ordinal)).Select(n => Read<Topic>(assembly, n));
        var situations = names.Where(n => n.StartsWith("content/situations/", StringComparison.Ordinal)).Select(n => Read<Situation>(assembly, n));
        // Interface strings: ui.json plus one ui.<feature>.json per feature; a key defined twice is an error.
        var ui = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.StartsWith("content/ui", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var (key, texts) in Read<Dictionary<string, Dictionary<string, string>>>(assembly, name))
            {
                if (!ui.TryAdd(key, texts)) throw new InvalidDataException($"The interface string '{key}' is defined twice ({name}).");
            }
        }
        return new ContentLibrary(topics, situations, Read<SynonymGroups>(assembly, "content/synonyms.json"), ui, Guide.LoadEmbedded());
    }

    private static T Read<T>(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidDataException($"Missing embedded content {name}.");
        try
        {
            return JsonSerializer.Deserialize<T>(stream, BotJson.Options) ?? throw new InvalidDataException($"{name} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not valid: {e.Message}", e);
        }
    }

    private IEnumerable<string> Validate()
    {
        foreach (var topic in Topics)
        {
            foreach (var problem in TopicSourceProblems(topic)) yield return problem;
            if (!_situations.TryGetValue(topic.Situation, out var situation))
            {
                yield return $"Topic {topic.Id} names situation {topic.Situation}, which does not exist.";
            }
            else if (!OutcomeTopics(situation).Contains(topic.Id))
            {
                yield return $"Topic {topic.Id} names situation {topic.Situation}, which never ends on it.";
            }
        }
        foreach (var situation in Situations)
        {
            var ids = situation.Questions.Select(q => q.Id).ToHashSet();
            if (!ids.Contains(situation.Start)) yield return $"Situation {situation.Id} starts at a missing question {situation.Start}.";
            foreach (var question in situation.Questions)
            {
                foreach (var option in question.Options)
                {
                    if ((option.Next is null) == (option.Outcome is null))
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: needs exactly one of next or outcome.";
                    }
                    if (option.Next is not null && !ids.Contains(option.Next))
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: next question {option.Next} is missing.";
                    }
                    if (option.Outcome is not null && !_topics.ContainsKey(option.Outcome.Topic))
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: topic {option.Outcome.Topic} does not exist.";
                    }
                    if (option.Outcome is { } outcome)
                    {
                        var where = $"Situation {situation.Id}, {question.Id}/{option.Id}";
                        foreach (var problem in SourceProblems(where, "outcome lines", outcome.Sources, outcome.Fr.Count, outcome.En.Count)) yield return problem;
                        if (_topics.TryGetValue(outcome.Topic, out var ending) && SkipProblem(outcome, ending) is { } skip) yield return $"{where}: {skip}";
                    }
                }
            }
        }
    }

    private IEnumerable<string> TopicSourceProblems(Topic topic)
    {
        var where = $"Topic {topic.Id}";
        if (topic.Sources is { } sources)
        {
            if (sources.Summary is not null && Guide.Problem(sources.Summary) is { } summaryProblem) yield return $"{where}: the summary's source {summaryProblem}.";
            foreach (var problem in SourceProblems(where, "doNow", sources.DoNow, topic.Fr.DoNow.Count, topic.En.DoNow.Count)) yield return problem;
            foreach (var problem in SourceProblems(where, "avoid", sources.Avoid, topic.Fr.Avoid.Count, topic.En.Avoid.Count)) yield return problem;
            foreach (var problem in SourceProblems(where, "why", sources.Why, topic.Fr.Why.Count, topic.En.Why.Count)) yield return problem;
        }
        foreach (var point in topic.DecisionPoints)
        {
            foreach (var (option, excerpt) in point.Sources)
            {
                if (!point.Options.Contains(option)) yield return $"{where}, decision point {point.Id}: a source is given for '{option}', which is not one of its options.";
                else if (Guide.Problem(excerpt) is { } problem) yield return $"{where}, decision point {point.Id}/{option}: the source {problem}.";
            }
        }
    }

    /// <summary>Sources run parallel to the statements they support; each one must be quoted from the guide.</summary>
    internal IEnumerable<string> SourceProblems(string where, string field, IReadOnlyList<string> sources, int frCount, int enCount)
    {
        if (sources.Count == 0) yield break;
        if (sources.Count != frCount || sources.Count != enCount)
        {
            yield return $"{where}: {sources.Count} sources for {frCount} French and {enCount} English {field}; give one per statement.";
        }
        for (var i = 0; i < sources.Count; i++)
        {
            if (Guide.Problem(sources[i]) is { } problem) yield return $"{where}: the source of {field}[{i}] {problem}.";
        }
    }

    /// <summary>Why an outcome's skipDoNow does not fit its topic, or null when it does.</summary>
    internal static string? SkipProblem(SituationOutcome outcome, Topic topic)
    {
        var steps = Math.Min(topic.Fr.DoNow.Count, topic.En.DoNow.Count);
        if (outcome.SkipDoNow.Any(n => n < 1 || n > steps)) return $"skipDoNow [{string.Join(", ", outcome.SkipDoNow)}] names a step {topic.Id} does not have (it has {steps}).";
        if (outcome.SkipDoNow.Distinct().Count() != outcome.SkipDoNow.Count) return "skipDoNow names a step twice.";
        if (outcome.SkipDoNow.Count > 0 && outcome.SkipDoNow.Count >= steps) return $"skipDoNow leaves none of {topic.Id}'s steps.";
        return null;
    }

    /// <summary>The topics a situation can end on.</summary>
    public static IReadOnlySet<string> OutcomeTopics(Situation situation) =>
        situation.Questions.SelectMany(q => q.Options).Where(o => o.Outcome is not null).Select(o => o.Outcome!.Topic).ToHashSet();
}
