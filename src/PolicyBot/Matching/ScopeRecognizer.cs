using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Says whether a typed message is something to answer before any topic: danger to a person now
/// (<see cref="ScopeKind.Crisis"/>), a legal question, something unrelated to social media, a greeting or
/// thanks. The vocabulary and the rules are data (Content/scope/, see its README); this class reads a
/// message with <see cref="ScopeAnalyzer"/> in both languages, puts right one-letter slips in words the
/// content never uses, finds the concepts it holds and applies the rules, crisis first. Every example of
/// the data must be recognised as its kind and no counter-example may be: checked when it is built, so a
/// broken vocabulary stops the bot at start. Keeps nothing of what it reads.
/// </summary>
public sealed class ScopeRecognizer
{
    /// <summary>The concept (Content/scope/concepts.json) whose words say a message is about social media.</summary>
    public const string SocialMediaConcept = "social-media";

    /// <summary>Longer text is cut: a message is never that long, and the work stays bounded.</summary>
    internal const int MaxChars = 2000;

    /// <summary>The order kinds are tried in: the first whose rules hold is the answer.</summary>
    internal static ScopeKind[] Order => ScopeKinds.Order;

    private readonly ScopeVocabulary _fr;
    private readonly ScopeVocabulary _en;
    private readonly CrisisClassifier _classifier;
    private readonly ScopeKindClassifier _kinds;

    public ScopeRecognizer(ContentLibrary content)
        : this(content, content?.Scope ?? throw new ArgumentNullException(nameof(content)))
    {
    }

    /// <summary>A recogniser over other scope data (tests); the content still gives the words that are never "put right".</summary>
    /// <param name="checkExamples">False only for diagnostics: build even when examples are not recognised.</param>
    internal ScopeRecognizer(ContentLibrary content, IReadOnlyList<ScopeFile> scope, bool checkExamples = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(scope);
        var known = KnownWords(content);
        _classifier = SharedMatching.Crisis(content);
        _kinds = SharedMatching.Kinds(content);
        _fr = new ScopeVocabulary(Language.Fr, content, scope, known);
        _en = new ScopeVocabulary(Language.En, content, scope, known);
        var problems = _fr.Problems.Concat(_en.Problems).Concat(checkExamples ? ExampleProblems(scope) : []).ToList();
        if (problems.Count > 0) throw new InvalidDataException("The scope data (Content/scope) is inconsistent:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>The statistical layer, trained on the content's corpus (shared by every recogniser over the same content).</summary>
    public CrisisClassifier Classifier => _classifier;

    /// <summary>The small-talk and unrelated heads, trained on the same content (shared the same way).</summary>
    public ScopeKindClassifier KindClassifier => _kinds;

    /// <summary>
    /// What <paramref name="text"/> is: <see cref="RuleKind"/>, raised to a crisis when the
    /// <see cref="CrisisClassifier"/> reads danger that no rule names (the safety card is the cheaper error); then,
    /// only when it is still unrecognised or unrelated, small talk or unrelated as the <see cref="ScopeKindClassifier"/>
    /// reads it.
    /// </summary>
    public ScopeResult Recognize(string? text, Language userLanguage)
    {
        var byRules = RuleKind(text, userLanguage);
        if (string.IsNullOrWhiteSpace(text)) return byRules;
        var raised = Raised(byRules, _classifier.Score(text), _classifier.Threshold);
        return _kinds.Refine(raised, text);
    }

    /// <summary>
    /// How the two layers combine: a message the rules leave unrecognised or unrelated becomes a crisis at
    /// <paramref name="threshold"/>; a legal question only with <see cref="LegalMargin"/> more (its words —
    /// threats of a lawsuit, police requests, reporting a child at risk — are the crisis corpus's words too); a
    /// greeting or thanks never (its rule requires every word to be a greeting word). <paramref name="legalMargin"/> is
    /// <see cref="LegalMargin"/> but where a test measures other margins (<c>ScopeAuthorCrossValidationTests</c>).
    /// </summary>
    internal static ScopeResult Raised(ScopeResult byRules, double score, double threshold, double legalMargin = LegalMargin) => byRules.Kind switch
    {
        ScopeKind.None or ScopeKind.Unrelated when score >= threshold => byRules with { Kind = ScopeKind.Crisis },
        ScopeKind.Legal when score >= threshold + legalMargin => byRules with { Kind = ScopeKind.Crisis, AlsoLegal = true },
        _ => byRules,
    };

    /// <summary>How much more crisis score a message the rules call legal needs to be taken for a crisis.</summary>
    internal const double LegalMargin = 2.0;

    /// <summary>
    /// What the rules alone say <paramref name="text"/> is. The message is read in its own language first
    /// (<see cref="QuestionLanguage.Detect(string, Language)"/>); when that finds nothing, or only that it is
    /// unrelated, it is read in the other language too, so danger typed in French with an English Teams locale,
    /// or the reverse, is still recognised. Read in the wrong language, a message has none of that language's
    /// social-media or policy words, so the other reading is never taken as proof that it is unrelated, and the
    /// rules marked <see cref="ScopeRule.OwnLanguageOnly"/> do not apply to it.
    /// </summary>
    internal ScopeResult RuleKind(string? text, Language userLanguage)
    {
        if (string.IsNullOrWhiteSpace(text)) return ScopeResult.Nothing(userLanguage);
        if (text.Length > MaxChars) text = text[..MaxChars];
        var first = QuestionLanguage.Detect(text, userLanguage);
        var own = Vocabulary(first).Read(text);
        var found = Kind(own, Order, otherReading: false);
        if (found is not (ScopeKind.None or ScopeKind.Unrelated)) return Result(found, own, otherReading: false);
        var other = Vocabulary(first.Other()).Read(text);
        var otherFound = Kind(other, [.. Order.Where(k => k != ScopeKind.Unrelated)], otherReading: true);
        return otherFound != ScopeKind.None ? Result(otherFound, other, otherReading: true) : Result(found, own, otherReading: false);
    }

    private ScopeKind Kind(ScopeVocabulary.Reading reading, IEnumerable<ScopeKind> kinds, bool otherReading)
    {
        var vocabulary = Vocabulary(reading.Language);
        return kinds.FirstOrDefault(kind => vocabulary.Holds(kind, reading, otherReading), ScopeKind.None);
    }

    /// <summary>The result of one reading; a crisis says whether the legal rules hold on the same reading too.</summary>
    private ScopeResult Result(ScopeKind kind, ScopeVocabulary.Reading reading, bool otherReading) =>
        new(kind, reading.Language, reading.Concepts.Contains(SocialMediaConcept),
            AlsoLegal: kind == ScopeKind.Crisis && Vocabulary(reading.Language).Holds(ScopeKind.Legal, reading, otherReading));

    /// <summary>The concepts found in <paramref name="text"/> read as <paramref name="language"/> (for tests and diagnostics).</summary>
    internal IReadOnlyCollection<string> Concepts(string text, Language language) => Vocabulary(language).Read(text).Concepts;

    /// <summary>For diagnostics: the phrases of the data found in <paramref name="text"/> read as <paramref name="language"/>.</summary>
    internal IEnumerable<string> Explain(string text, Language language) => Vocabulary(language).Explain(text);

    private ScopeVocabulary Vocabulary(Language language) => language == Language.Fr ? _fr : _en;

    private IEnumerable<string> ExampleProblems(IReadOnlyList<ScopeFile> scope)
    {
        foreach (var file in scope)
        {
            if (!ScopeFiles.TryKind(file.Name, out var kind)) continue;
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                var data = file.For(language);
                foreach (var example in data.Examples)
                {
                    var found = Recognize(example, language).Kind;
                    if (found != kind) yield return $"scope/{file.Name}.json ({language.Code()}): the example \"{example}\" is recognised as {found}, not {kind}.";
                }
                foreach (var counter in data.NotExamples)
                {
                    if (Recognize(counter, language).Kind == kind) yield return $"scope/{file.Name}.json ({language.Code()}): the counter-example \"{counter}\" is recognised as {kind}.";
                }
            }
        }
    }

    /// <summary>
    /// What the classifier learns from: crisis = the corpus's crisis messages and the crisis examples; calm = the
    /// corpus's calm messages but those kept for the heads (<see cref="ScopeKindClassifier.HeadsOnlyMarker"/>), every
    /// other kind's examples, the crisis counter-examples, and the topics' titles, summaries and example questions. In
    /// both languages, in one model.
    /// </summary>
    internal static List<(string Text, bool Crisis)> TrainingSet(ContentLibrary content) =>
    [
        .. ScopeKindClassifier.LabelledSet(content)
            .Where(m => m.TeachesCrisis)
            .Select(m => (m.Text, m.Class == ScopeKindClassifier.MessageClass.Crisis)),
    ];

    /// <summary>Every word the content uses, in either language, plus the scope vocabulary: words that are never "put right".</summary>
    private static HashSet<string> KnownWords(ContentLibrary content)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            var analyzer = new ScopeAnalyzer(language);
            foreach (var text in ContentTexts(content, language))
            {
                foreach (var word in analyzer.Words(text)) known.Add(word.Surface);
            }
        }
        return known;
    }

    /// <summary>The texts of the content in one language (guidelines, examples, situations, interface).</summary>
    internal static IEnumerable<string> ContentTexts(ContentLibrary content, Language language)
    {
        foreach (var topic in content.Topics)
        {
            var text = topic.Text(language);
            yield return text.Title;
            yield return text.Summary;
            foreach (var line in text.DoNow.Concat(text.Avoid).Concat(text.Why).Concat(text.Examples)) yield return line;
            foreach (var point in topic.DecisionPoints)
            {
                yield return point.Text(language).Label;
                foreach (var option in point.Text(language).Options.Values) yield return option;
            }
        }
        foreach (var situation in content.Situations)
        {
            yield return situation.Title(language);
            foreach (var question in situation.Questions)
            {
                yield return question.Text(language);
                foreach (var option in question.Options) yield return option.Label(language);
            }
        }
        foreach (var key in content.UiKeys) yield return content.Ui(key, language);
    }
}
