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
    /// <summary>
    /// The longest button label, in characters: situation titles (menu buttons), situation answers and
    /// onboarding answers must be readable whole on a phone in Teams.
    /// </summary>
    public const int MaxButtonLabelLength = 30;

    private readonly Dictionary<string, Topic> _topics;
    private readonly Dictionary<string, Situation> _situations;
    private readonly Dictionary<string, Dictionary<string, string>> _ui;
    private readonly GuidePassages? _passages;
    private readonly Dictionary<string, IReadOnlyList<string>> _sections = new(StringComparer.Ordinal);

    private ContentLibrary(IEnumerable<Topic> topics, IEnumerable<Situation> situations, SynonymGroups synonyms, Dictionary<string, Dictionary<string, string>> ui, Guide guide, IEnumerable<ScopeFile> scope, ScopeCorpus corpus)
    {
        Guide = guide;
        Corpus = corpus;
        Scope = [.. scope.OrderBy(f => f.Name, StringComparer.Ordinal)];
        _topics = topics.OrderBy(t => t.Order).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _situations = situations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Synonyms = synonyms;
        _ui = ui;
        Topics = [.. _topics.Values];
        Situations = [.. _situations.Values];
        _passages = guide.Passages([.. Topics.Select(t => t.Section)]);
        var problems = Validate().ToList();
        if (problems.Count > 0) throw new InvalidDataException("The bot's content is inconsistent:\n- " + string.Join("\n- ", problems));
        foreach (var topic in Topics) _sections[topic.Id] = SourceSections(topic, _passages!);
    }

    /// <summary>Topics in the guide's order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Situation> Situations { get; }

    public SynonymGroups Synonyms { get; }

    /// <summary>What is recognised before any topic: crisis, legal, unrelated, thanks, greetings (Content/scope/).</summary>
    public IReadOnlyList<ScopeFile> Scope { get; }

    /// <summary>The crisis classifier's training messages (Content/scope-corpus/).</summary>
    public ScopeCorpus Corpus { get; }

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

    /// <summary>
    /// The sections of the guide a topic's statements are quoted from: its own <see cref="Topic.Section"/>
    /// first, then, in the guide's order, any other section one of its sources lies in.
    /// </summary>
    public IReadOnlyList<string> SectionsOf(Topic topic) => _sections.TryGetValue(topic.Id, out var sections) ? sections : [topic.Section];

    /// <summary>The card's source line: the guide and every section the topic's statements come from.</summary>
    public string SourceLine(Topic topic, Language language)
    {
        var sections = SectionsOf(topic);
        return sections.Count == 1
            ? Ui("guideline.source", language, sections[0])
            : Ui("guideline.sources", language, string.Join(Ui("guideline.sourceSeparator", language), sections));
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

    public static ContentLibrary LoadEmbedded() => LoadEmbedded(new Dictionary<string, string>());

    /// <summary>The embedded content with some files replaced (resource name → JSON), so tests can show what a broken file does at start.</summary>
    internal static ContentLibrary LoadEmbedded(IReadOnlyDictionary<string, string> replacements)
    {
        var assembly = typeof(ContentLibrary).Assembly;
        return Load(assembly.GetManifestResourceNames(), name => replacements.TryGetValue(name, out var json)
            ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))
            : assembly.GetManifestResourceStream(name));
    }

    /// <summary>Loads and checks the content named <paramref name="names"/>, each opened by <paramref name="open"/> (the embedded resources, or a test's edited copy).</summary>
    internal static ContentLibrary Load(IReadOnlyCollection<string> names, Func<string, Stream?> open)
    {
        var topics = names.Where(n => n.StartsWith("content/topics/", StringComparison.Ordinal)).Select(n => Read<Topic>(open, n));
        var situations = names.Where(n => n.StartsWith("content/situations/", StringComparison.Ordinal)).Select(n => Read<Situation>(open, n));
        // Interface strings: ui.json plus one ui.<feature>.json per feature; a key defined twice is an error.
        var ui = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.StartsWith("content/ui", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var (key, texts) in Read<Dictionary<string, Dictionary<string, string>>>(open, name))
            {
                if (!ui.TryAdd(key, texts)) throw new InvalidDataException($"The interface string '{key}' is defined twice ({name}).");
            }
        }
        var scope = names.Where(n => n.StartsWith("content/scope/", StringComparison.Ordinal)).Select(n =>
        {
            var file = Read<ScopeFile>(open, n);
            file.Name = n["content/scope/".Length..^".json".Length];
            return file;
        });
        return new ContentLibrary(topics, situations, Read<SynonymGroups>(open, "content/synonyms.json"), ui, Guide.LoadEmbedded(), scope,
            new ScopeCorpus(Read<ScopeCorpusFile>(open, ScopeCorpus.CrisisFile), Read<ScopeCorpusFile>(open, ScopeCorpus.CalmFile)));
    }

    /// <summary>The text of an embedded content file, as shipped.</summary>
    internal static string EmbeddedText(string name)
    {
        using var stream = typeof(ContentLibrary).Assembly.GetManifestResourceStream(name) ?? throw new InvalidDataException($"Missing embedded content {name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static T Read<T>(Func<string, Stream?> open, string name)
    {
        using var stream = open(name) ?? throw new InvalidDataException($"Missing embedded content {name}.");
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
        if (_passages is null) yield return "The topics' sections are not lines of the guide, in the topics' order.";
        foreach (var problem in ScopeFiles.Problems(Scope)) yield return problem;
        foreach (var (name, file) in new[] { (ScopeCorpus.CrisisFile, Corpus.Crisis), (ScopeCorpus.CalmFile, Corpus.Calm) })
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                if (file.For(language).Count == 0 || file.For(language).Values.Any(v => v.Count == 0 || v.Any(string.IsNullOrWhiteSpace))) yield return $"{name} ({language.Code()}): every kind needs messages, none empty.";
            }
        }
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
            foreach (var problem in LabelProblems($"Situation {situation.Id}: the title", situation.Fr.Title, situation.En.Title)) yield return problem;
            foreach (var question in situation.Questions)
            {
                foreach (var option in question.Options)
                {
                    foreach (var problem in LabelProblems($"Situation {situation.Id}, {question.Id}/{option.Id}: the label", option.Fr, option.En)) yield return problem;
                    if ((option.Next is null ? 0 : 1) + (option.Outcome is null ? 0 : 1) + (option.Safety ? 1 : 0) != 1)
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: needs exactly one of next, outcome or safety.";
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
                        if (outcome.Fr.Count is < 1 or > 3 || outcome.En.Count is < 1 or > 3)
                        {
                            yield return $"{where}: {outcome.Fr.Count} French and {outcome.En.Count} English outcome lines; an outcome has 1 to 3 in each language.";
                        }
                        // Every line the bot says about this case rests on a passage of the guide.
                        if (outcome.Sources.Count == 0) yield return $"{where}: the outcome lines have no sources; give one excerpt of the guide per line.";
                        foreach (var problem in SourceProblems(where, "outcome lines", outcome.Sources, outcome.Fr.Count, outcome.En.Count)) yield return problem;
                        if (_topics.TryGetValue(outcome.Topic, out var ending) && SkipProblem(outcome, ending) is { } skip) yield return $"{where}: {skip}";
                    }
                }
            }
        }
    }

    /// <summary>
    /// Every statement of a topic, and every option of its decision points, must carry a source from the
    /// guide, inside one section of it: a statement without one stops the bot at start.
    /// </summary>
    private IEnumerable<string> TopicSourceProblems(Topic topic)
    {
        var where = $"Topic {topic.Id}";
        var sources = topic.Sources ?? new TopicSources();
        if (sources.Summary is null) yield return $"{where}: the summary has no source.";
        else if (Guide.Problem(sources.Summary) is { } summaryProblem) yield return $"{where}: the summary's source {summaryProblem}.";
        foreach (var (field, list, fr, en) in StatementSources(topic))
        {
            if (list.Count == 0) yield return $"{where}: {field} has no sources; give one per statement.";
            foreach (var problem in SourceProblems(where, field, list, fr, en)) yield return problem;
        }
        foreach (var point in topic.DecisionPoints)
        {
            foreach (var option in point.Options.Where(o => !point.Sources.ContainsKey(o)))
            {
                yield return $"{where}, decision point {point.Id}/{option}: the option has no source.";
            }
            foreach (var (option, excerpt) in point.Sources)
            {
                if (!point.Options.Contains(option)) yield return $"{where}, decision point {point.Id}: a source is given for '{option}', which is not one of its options.";
                else if (Guide.Problem(excerpt) is { } problem) yield return $"{where}, decision point {point.Id}/{option}: the source {problem}.";
            }
        }
        if (_passages is null) yield break;
        foreach (var excerpt in Excerpts(topic).Where(e => Guide.Problem(e) is null && _passages.HeadingOf(e) is null))
        {
            yield return $"{where}: the source \"{excerpt}\" runs across two sections of the guide; quote one.";
        }
    }

    private static IEnumerable<(string Field, List<string> Sources, int Fr, int En)> StatementSources(Topic topic)
    {
        var sources = topic.Sources ?? new TopicSources();
        yield return ("doNow", sources.DoNow, topic.Fr.DoNow.Count, topic.En.DoNow.Count);
        yield return ("avoid", sources.Avoid, topic.Fr.Avoid.Count, topic.En.Avoid.Count);
        yield return ("why", sources.Why, topic.Fr.Why.Count, topic.En.Why.Count);
    }

    /// <summary>Every excerpt a topic quotes: its statements' sources, then its decision points'.</summary>
    private static IEnumerable<string> Excerpts(Topic topic)
    {
        if (topic.Sources?.Summary is { } summary) yield return summary;
        foreach (var (_, list, _, _) in StatementSources(topic)) foreach (var excerpt in list) yield return excerpt;
        foreach (var point in topic.DecisionPoints) foreach (var excerpt in point.Sources.Values) yield return excerpt;
    }

    /// <summary>The topic's own section, then the other sections its sources lie in, in the guide's order.</summary>
    private IReadOnlyList<string> SourceSections(Topic topic, GuidePassages passages)
    {
        var order = Topics.Select(t => t.Section).ToList();
        var others = Excerpts(topic).Select(passages.HeadingOf).OfType<string>().Where(s => s != topic.Section).Distinct().OrderBy(order.IndexOf);
        return [topic.Section, .. others];
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

    /// <summary>Why a button label cannot stand (empty, or too long to read whole on a phone), in each language.</summary>
    internal static IEnumerable<string> LabelProblems(string where, string fr, string en)
    {
        foreach (var (language, label) in new[] { ("French", fr), ("English", en) })
        {
            if (string.IsNullOrWhiteSpace(label)) yield return $"{where} is empty in {language}.";
            else if (label.Length > MaxButtonLabelLength) yield return $"{where} \"{label}\" has {label.Length} characters in {language}; a button label has at most {MaxButtonLabelLength}.";
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
