using System.Text.Json;
using BotFramework.Schema;

namespace PolicyBot.Knowledge;

/// <summary>
/// All of the bot's words, loaded once from the JSON files shipped beside this assembly (<see cref="ShippedFiles"/>): the guidelines
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
    private readonly Dictionary<string, IReadOnlyList<string>> _sections = new(StringComparer.Ordinal);
    private readonly ReadWhenAsked<ScopeCorpus> _corpus;
    private ReadWhenAsked<IReadOnlyList<TopicQuestion>>? _questions;

    private ContentLibrary(IEnumerable<Topic> topics, IEnumerable<Situation> situations, SynonymGroups synonyms, Dictionary<string, Dictionary<string, string>> ui, Guide guide, IEnumerable<ScopeFile> scope, Func<ScopeCorpus> readCorpus)
    {
        Guide = guide;
        _corpus = new ReadWhenAsked<ScopeCorpus>(readCorpus);
        Scope = [.. scope.OrderBy(f => f.Name, StringComparer.Ordinal)];
        _topics = topics.OrderBy(t => t.Order).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _situations = situations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Synonyms = synonyms;
        _ui = ui;
        Topics = [.. _topics.Values];
        Situations = [.. _situations.Values];
        var passages = guide.Passages([.. Topics.Select(t => t.Section)]);
        var problems = new ContentChecks(this, passages).Problems().ToList();
        if (problems.Count > 0) throw new InvalidDataException("The bot's content is inconsistent:\n- " + string.Join("\n- ", problems));
        foreach (var topic in Topics) _sections[topic.Id] = SourceSections(topic, passages!);
    }

    /// <summary>Topics in the guide's order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Situation> Situations { get; }

    public SynonymGroups Synonyms { get; }

    /// <summary>What is recognised before any topic: crisis, legal, unrelated, thanks, greetings (Content/scope/).</summary>
    public IReadOnlyList<ScopeFile> Scope { get; }

    /// <summary>
    /// The crisis classifier's training messages (Content/scope-corpus/): checked when the content loads, then read
    /// again only when asked (<see cref="ReadWhenAsked{T}"/>), since only training reads them.
    /// </summary>
    public ScopeCorpus Corpus => _corpus.Value;

    /// <summary>
    /// Questions staff might type, written by other authors than the examples' and labelled with their topic
    /// (Content/questions/): the topic matcher learns from them too. Nothing else reads them (the scope
    /// recogniser's calm data are the topics' own examples). Checked when the content loads, then read again only
    /// when asked, like <see cref="Corpus"/>.
    /// </summary>
    public IReadOnlyList<TopicQuestion> Questions => _questions?.Value ?? [];

    /// <summary>The guide every statement's <c>source</c> is quoted from.</summary>
    public Guide Guide { get; }

    public static ContentLibrary Default { get; } = LoadShipped();

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

    /// <summary>Every interface string's key (the scope recogniser reads their words as the bot's own).</summary>
    internal IEnumerable<string> UiKeys => _ui.Keys;

    public static ContentLibrary LoadShipped() => LoadShipped(new Dictionary<string, string>());

    /// <summary>The shipped content with some files replaced (file name → JSON), so tests can show what a broken file does at start.</summary>
    internal static ContentLibrary LoadShipped(IReadOnlyDictionary<string, string> replacements) =>
        Load(ShippedFiles.Names, name => replacements.TryGetValue(name, out var json)
            ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))
            : ShippedFiles.Open(name));

    /// <summary>Loads and checks the content named <paramref name="names"/>, each opened by <paramref name="open"/> (the shipped files, <see cref="ShippedFiles"/>, or a test's edited copy).</summary>
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
        var library = new ContentLibrary(topics, situations, Read<SynonymGroups>(open, "content/synonyms.json"), ui, Guide.LoadShipped(), scope,
            () => new ScopeCorpus(Read<ScopeCorpusFile>(open, ScopeCorpus.CrisisFile), Read<ScopeCorpusFile>(open, ScopeCorpus.CalmFile)));
        library._questions = new ReadWhenAsked<IReadOnlyList<TopicQuestion>>(() => ReadQuestions(names, open, library));
        _ = library.Questions; // read once now: a broken question file stops the bot at start
        return library;
    }

    /// <summary>Every file of Content/questions/, in name order; a question on no topic, in no language or empty stops the bot at start.</summary>
    private static List<TopicQuestion> ReadQuestions(IReadOnlyCollection<string> names, Func<string, Stream?> open, ContentLibrary library)
    {
        var questions = new List<TopicQuestion>();
        foreach (var name in names.Where(n => n.StartsWith("content/questions/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var entry in Read<List<QuestionEntry>>(open, name))
            {
                if (string.IsNullOrWhiteSpace(entry.Text) || entry.Lang is not ("fr" or "en") || !library.TryGetTopic(entry.Topic, out var topic))
                {
                    throw new InvalidDataException($"{name}: a question needs a text, a lang (fr or en) and one of the topics' ids (found topic '{entry.Topic}', lang '{entry.Lang}').");
                }
                questions.Add(new TopicQuestion(topic.Id, Languages.Parse(entry.Lang), entry.Text));
            }
        }
        return questions;
    }

    private sealed record QuestionEntry(string? Lang, string? Text, string? Topic);

    private static T Read<T>(Func<string, Stream?> open, string name)
    {
        using var stream = open(name) ?? throw new InvalidDataException($"Missing content file {name}.");
        try
        {
            return JsonSerializer.Deserialize<T>(stream, BotJson.Options) ?? throw new InvalidDataException($"{name} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not valid: {e.Message}", e);
        }
    }

    /// <summary>The topic's own section, then the other sections its sources lie in, in the guide's order.</summary>
    private IReadOnlyList<string> SourceSections(Topic topic, GuidePassages passages)
    {
        var order = Topics.Select(t => t.Section).ToList();
        var others = ContentChecks.Excerpts(topic).Select(passages.HeadingOf).OfType<string>().Where(s => s != topic.Section).Distinct().OrderBy(order.IndexOf);
        return [topic.Section, .. others];
    }

    /// <summary>The topics a situation can end on.</summary>
    public static IReadOnlySet<string> OutcomeTopics(Situation situation) =>
        situation.Questions.SelectMany(q => q.Options).Where(o => o.Outcome is not null).Select(o => o.Outcome!.Topic).ToHashSet();
}
