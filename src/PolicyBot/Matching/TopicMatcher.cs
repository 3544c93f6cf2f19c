using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Finds the guideline topics a free-text question is about ("quelqu'un a publié l'adresse d'une femme
/// dans un commentaire" → <c>unacceptable-content</c>). Two in-memory indexes, one per language,
/// hold per topic its title, its summary, its guidance and each example question staff
/// might type (<see cref="TopicIndex"/>).
/// Questions are ranked with BM25 after the same analysis as the content (<see cref="TopicAnalyzer"/>),
/// then reordered with a classifier trained on the same sentences (<see cref="TopicClassifier"/>), which
/// tells close topics apart by the words that separate them.
/// Built once, then safe to share between threads. Keeps nothing of what it is asked.
/// </summary>
public sealed class TopicMatcher
{
    private const int MaxResults = 5;

    private readonly TopicMatcherSettings _settings;
    private readonly TopicIndex _fr;
    private readonly TopicIndex _en;

    public TopicMatcher(ContentLibrary content)
        : this(content, TopicMatcherSettings.Default)
    {
    }

    /// <summary>
    /// A matcher with other settings, some of the topics' examples left out (<paramref name="includeExample"/>), or
    /// other staff questions to learn from than the content's <see cref="ContentLibrary.Questions"/>
    /// (<paramref name="questions"/>): what cross-validation needs.
    /// </summary>
    internal TopicMatcher(ContentLibrary content, TopicMatcherSettings settings, Func<Topic, Language, int, bool>? includeExample = null, IReadOnlyList<TopicQuestion>? questions = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _settings = settings;
        includeExample ??= static (_, _, _) => true;
        questions ??= content.Questions;
        _fr = new TopicIndex(Language.Fr, content, settings, includeExample, questions);
        _en = new TopicIndex(Language.En, content, settings, includeExample, questions);
    }

    /// <summary>
    /// Ranks the topics for <paramref name="text"/>. The question is searched in its own language
    /// (<see cref="QuestionLanguage.Detect"/>), which is <paramref name="userLanguage"/> unless its words
    /// clearly say otherwise, or unless none of its words is a function word of the user's language and
    /// the other language's topics know a larger share of its words; the result says which language was used.
    /// </summary>
    public MatchResult Match(string text, Language userLanguage)
    {
        text ??= "";
        if (text.Length > _settings.MaxQuestionChars) text = text[.._settings.MaxQuestionChars];
        var evidence = QuestionLanguage.Evidence(text);
        var language = QuestionLanguage.Detect(evidence, userLanguage);
        var ranked = Index(language).Search(text, MaxResults);
        if (language == userLanguage && QuestionLanguage.HasNoWordOf(evidence, userLanguage))
        {
            // No function word says which language this is ("spyware installed phone ex-partner" typed with a
            // French locale): the content words decide, when the other language's topics know a larger share of them.
            var otherIndex = Index(language.Other());
            if (otherIndex.KnownShare(text) > Index(language).KnownShare(text) && otherIndex.Search(text, MaxResults) is { Count: > 0 } other)
            {
                (language, ranked) = (language.Other(), other);
            }
        }
        return new MatchResult(language, ranked, Confidence(ranked), Offered(ranked));
    }

    private TopicIndex Index(Language language) => language == Language.Fr ? _fr : _en;

    /// <summary>The analysed terms of a question, as the index sees them (for tests and diagnostics).</summary>
    internal IReadOnlyList<string> Terms(string text, Language language) => Index(language).Analyzer.Terms(text);

    /// <summary>The first three topics, and the next one too while its score stays close to the first's.</summary>
    private int Offered(IReadOnlyList<TopicScore> ranked)
    {
        var offered = Math.Min(_settings.OfferedMin, ranked.Count);
        while (offered < Math.Min(_settings.OfferedMax, ranked.Count) && ranked[offered].Score >= _settings.OfferedMinShare * ranked[0].Score) offered++;
        return offered;
    }

    private MatchConfidence Confidence(IReadOnlyList<TopicScore> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Score < _settings.NoneMaxScore) return MatchConfidence.None;
        var second = ranked.Count > 1 ? ranked[1].Score : 0;
        return ranked[0].Score >= _settings.ConfidentMinScore && ranked[0].Score >= _settings.ConfidentMinRatio * second
            ? MatchConfidence.Confident
            : MatchConfidence.Unsure;
    }
}
