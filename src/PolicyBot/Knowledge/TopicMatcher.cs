using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace PolicyBot.Knowledge;

/// <summary>
/// Finds the guideline topics a free-text question is about ("quelqu'un a publié l'adresse d'une femme
/// dans un commentaire" → <c>unacceptable-content</c>). Two in-memory Lucene indexes, one per language,
/// hold one document per topic: its title, its summary and each example question staff might type.
/// Questions are ranked with BM25 after the same analysis as the content (<see cref="TopicAnalyzer"/>).
/// Built once, then safe to share between threads. Keeps nothing of what it is asked.
/// </summary>
public sealed class TopicMatcher
{
    private const int MaxResults = 5;

    private static readonly Lazy<TopicMatcher> LazyDefault = new(() => new TopicMatcher(ContentLibrary.Default));

    private readonly TopicMatcherSettings _settings;
    private readonly LanguageIndex _fr;
    private readonly LanguageIndex _en;

    public TopicMatcher(ContentLibrary content)
        : this(content, TopicMatcherSettings.Default)
    {
    }

    internal TopicMatcher(ContentLibrary content, TopicMatcherSettings settings, Func<Topic, Language, int, bool>? includeExample = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        _settings = settings;
        includeExample ??= static (_, _, _) => true;
        _fr = new LanguageIndex(Language.Fr, content, settings, includeExample);
        _en = new LanguageIndex(Language.En, content, settings, includeExample);
    }

    /// <summary>The matcher over the embedded content, built on first use.</summary>
    public static TopicMatcher Default => LazyDefault.Value;

    /// <summary>
    /// Ranks the topics for <paramref name="text"/>. The question is searched in its own language
    /// (<see cref="QuestionLanguage.Detect"/>), which is <paramref name="userLanguage"/> unless its words
    /// clearly say otherwise; the result says which language was used.
    /// </summary>
    public MatchResult Match(string text, Language userLanguage)
    {
        text ??= "";
        if (text.Length > _settings.MaxQuestionChars) text = text[.._settings.MaxQuestionChars];
        var language = QuestionLanguage.Detect(text, userLanguage);
        var ranked = (language == Language.Fr ? _fr : _en).Search(text);
        return new MatchResult(language, ranked, Confidence(ranked));
    }

    /// <summary>The analysed terms of a question, as the index sees them (for tests and diagnostics).</summary>
    internal IReadOnlyList<string> Terms(string text, Language language) => (language == Language.Fr ? _fr : _en).Analyzer.Terms(text);

    private MatchConfidence Confidence(IReadOnlyList<TopicScore> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Score < _settings.NoneMaxScore) return MatchConfidence.None;
        var second = ranked.Count > 1 ? ranked[1].Score : 0;
        return ranked[0].Score >= _settings.ConfidentMinScore && ranked[0].Score >= _settings.ConfidentMinRatio * second
            ? MatchConfidence.Confident
            : MatchConfidence.Unsure;
    }

    /// <summary>One language's index, searcher and analyzer.</summary>
    private sealed class LanguageIndex
    {
        private const string IdField = "id";
        private const string TitleField = "title";
        private const string SummaryField = "summary";
        private const string ExamplesField = "examples";
        private const string GuidanceField = "guidance";
        private const string PairsField = "pairs";
        private const string ExampleFieldPrefix = "ex";

        private readonly TopicMatcherSettings _settings;
        private readonly IndexSearcher _searcher;
        private readonly string[] _topicIds;
        private readonly string[] _exampleFields;
        private readonly Dictionary<string, HashSet<string>> _fieldTerms;

        public LanguageIndex(Language language, ContentLibrary content, TopicMatcherSettings settings, Func<Topic, Language, int, bool> includeExample)
        {
            _settings = settings;
            Analyzer = new TopicAnalyzer(language, content.Synonyms.For(language), settings);
            var directory = new RAMDirectory();
            var mostExamples = 0;
            var config = new IndexWriterConfig(TopicAnalyzer.Version, Analyzer)
            {
                Similarity = new BM25Similarity(settings.K1, settings.B),
                OpenMode = OpenMode.CREATE,
            };
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var topic in content.Topics)
                {
                    var text = topic.Text(language);
                    var document = new Document
                    {
                        new StringField(IdField, topic.Id, Field.Store.YES),
                        new TextField(TitleField, text.Title, Field.Store.NO),
                        new TextField(SummaryField, text.Summary, Field.Store.NO),
                    };
                    if (settings.GuidanceBoost > 0)
                    {
                        foreach (var line in Guidance(content, topic, language, settings)) document.Add(new TextField(GuidanceField, line, Field.Store.NO));
                    }
                    var kept = 0;
                    for (var i = 0; i < text.Examples.Count; i++)
                    {
                        if (!includeExample(topic, language, i)) continue;
                        document.Add(new TextField(ExamplesField, text.Examples[i], Field.Store.NO));
                        if (settings.BestExampleBoost > 0) document.Add(new TextField(ExampleField(kept), text.Examples[i], Field.Store.NO));
                        if (settings.PairsBoost > 0) document.Add(new TextField(PairsField, new TermListTokenStream(Pairs(Analyzer.Terms(text.Examples[i])))));
                        kept++;
                    }
                    mostExamples = Math.Max(mostExamples, kept);
                    writer.AddDocument(document);
                }
                writer.Commit();
            }
            var reader = DirectoryReader.Open(directory);
            _topicIds = new string[reader.MaxDoc];
            for (var doc = 0; doc < reader.MaxDoc; doc++) _topicIds[doc] = reader.Document(doc).Get(IdField);
            _exampleFields = settings.BestExampleBoost > 0 ? [.. Enumerable.Range(0, mostExamples).Select(ExampleField)] : [];
            (_fieldTerms, var topicSpread) = Vocabulary(reader, settings);
            _searcher = new IndexSearcher(reader)
            {
                Similarity = new TopicBM25(settings.K1, settings.B, topicSpread, reader.MaxDoc, settings.TopicWideIdf),
            };
        }

        public TopicAnalyzer Analyzer { get; }

        public IReadOnlyList<TopicScore> Search(string text)
        {
            var allTerms = Analyzer.Terms(text);
            var terms = allTerms.Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms).ToList();
            if (terms.Count == 0) return [];
            var query = new BooleanQuery(disableCoord: true);
            foreach (var pair in Pairs(allTerms).Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms)) AddTerm(query, PairsField, pair, _settings.PairsBoost);
            foreach (var term in terms)
            {
                var fields = new BooleanQuery(disableCoord: true);
                AddTerm(fields, TitleField, term, _settings.TitleBoost);
                AddTerm(fields, SummaryField, term, _settings.SummaryBoost);
                AddTerm(fields, ExamplesField, term, _settings.ExamplesBoost);
                AddTerm(fields, GuidanceField, term, _settings.GuidanceBoost);
                if (_settings.FieldTieBreaker >= 1)
                {
                    foreach (var clause in fields.Clauses) query.Add(clause);
                }
                else if (fields.Clauses.Count > 0)
                {
                    var best = new DisjunctionMaxQuery(_settings.FieldTieBreaker);
                    foreach (var clause in fields.Clauses) best.Add(clause.Query);
                    query.Add(best, Occur.SHOULD);
                }
            }
            if (_settings.BestExampleBoost > 0 && _exampleFields.Length > 0)
            {
                var best = new DisjunctionMaxQuery(_settings.ExampleTieBreaker) { Boost = _settings.BestExampleBoost };
                foreach (var field in _exampleFields)
                {
                    var example = new BooleanQuery(disableCoord: true);
                    foreach (var term in terms) AddTerm(example, field, term, 1f);
                    if (example.Clauses.Count > 0) best.Add(example);
                }
                if (best.Disjuncts.Count > 0) query.Add(best, Occur.SHOULD);
            }
            if (query.Clauses.Count == 0) return [];
            var hits = _searcher.Search(query, MaxResults).ScoreDocs;
            var ranked = new List<TopicScore>(hits.Length);
            foreach (var hit in hits)
            {
                if (hit.Score > 0) ranked.Add(new TopicScore(_topicIds[hit.Doc], hit.Score));
            }
            return ranked;
        }

        /// <summary>
        /// The rest of what the bot says about a topic: what to do, what to avoid, why, the choices the
        /// organisation makes, and the case notes of the situations that end on it.
        /// </summary>
        private static IEnumerable<string> Guidance(ContentLibrary content, Topic topic, Language language, TopicMatcherSettings settings)
        {
            var text = topic.Text(language);
            foreach (var line in text.DoNow.Concat(text.Avoid).Concat(text.Why)) yield return line;
            if (settings.IndexDecisionPoints)
            {
                foreach (var point in topic.DecisionPoints)
                {
                    var pointText = point.Text(language);
                    yield return pointText.Label;
                    foreach (var option in pointText.Options.Values) yield return option;
                }
            }
            if (settings.IndexSituationNotes)
            {
                var outcomes = content.Situations.SelectMany(s => s.Questions).SelectMany(q => q.Options)
                    .Select(o => o.Outcome).Where(o => o is not null && o.Topic == topic.Id);
                foreach (var outcome in outcomes)
                {
                    foreach (var line in outcome!.Notes(language)) yield return line;
                }
            }
        }

        /// <summary>
        /// Reads the vocabulary once: the terms each field holds (a question then only asks for
        /// field/term pairs that can match) and, for each term, how many topics it belongs to.
        /// </summary>
        private static (Dictionary<string, HashSet<string>> FieldTerms, Dictionary<string, double> TopicSpread) Vocabulary(DirectoryReader reader, TopicMatcherSettings settings)
        {
            var fieldTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var fields = MultiFields.GetFields(reader);
            DocsEnum? docs = null;
            foreach (var field in fields)
            {
                if (field == IdField) continue;
                var terms = fieldTerms[field] = new HashSet<string>(StringComparer.Ordinal);
                var perExample = IsPerExampleField(field);
                var termsEnum = fields.GetTerms(field).GetEnumerator();
                while (termsEnum.MoveNext())
                {
                    var term = termsEnum.Term.Utf8ToString();
                    terms.Add(term);
                    if (perExample) continue; // the same words are in the examples field
                    if (!counts.TryGetValue(term, out var perTopic)) counts[term] = perTopic = new double[reader.MaxDoc];
                    docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                    int doc;
                    while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) perTopic[doc] += docs.Freq;
                }
            }
            return (fieldTerms, counts.ToDictionary(t => t.Key, t => Spread(t.Value, settings.EntropyIdf), StringComparer.Ordinal));
        }

        /// <summary>
        /// How many topics a term belongs to: the plain count, or (entropy) the number of topics it is
        /// effectively spread over, so a word used ten times by one topic and once by another counts
        /// as little more than one topic.
        /// </summary>
        private static double Spread(double[] perTopic, bool entropy)
        {
            if (!entropy) return perTopic.Count(c => c > 0);
            var total = perTopic.Sum();
            var h = 0.0;
            foreach (var c in perTopic)
            {
                if (c > 0) h -= c / total * Math.Log(c / total);
            }
            return Math.Exp(h);
        }

        internal static bool IsPerExampleField(string field) => field.StartsWith(ExampleFieldPrefix, StringComparison.Ordinal) && field != ExamplesField;

        private void AddTerm(BooleanQuery query, string field, string term, float boost)
        {
            if (boost > 0 && _fieldTerms.TryGetValue(field, out var terms) && terms.Contains(term))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        /// <summary>Neighbouring terms as one term ("compte perso", "heures travail"), for word order that matters.</summary>
        private IEnumerable<string> Pairs(List<string> terms)
        {
            for (var i = 1; i < terms.Count; i++)
            {
                for (var j = Math.Max(0, i - _settings.PairsWindow); j < i; j++)
                {
                    if (terms[j] == terms[i]) continue;
                    yield return _settings.PairsUnordered && string.CompareOrdinal(terms[j], terms[i]) > 0 ? terms[i] + " " + terms[j] : terms[j] + " " + terms[i];
                }
            }
        }

        private static string ExampleField(int i) => ExampleFieldPrefix + i.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// BM25 in which a term's rarity is measured across topics, whatever the field: "comment" is common in
    /// questions even if only one topic has it in its title, and the ex0, ex1… fields would otherwise make
    /// a word look rare because few topics happen to use it in their third example.
    /// </summary>
    private sealed class TopicBM25(float k1, float b, IReadOnlyDictionary<string, double> topicSpread, int topicCount, bool topicWide) : BM25Similarity(k1, b)
    {
        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
        {
            if (!topicWide && !LanguageIndex.IsPerExampleField(collectionStats.Field)) return base.IdfExplain(collectionStats, termStats);
            var spread = topicSpread.GetValueOrDefault(termStats.Term.Utf8ToString());
            var idf = Math.Log(1 + (topicCount - spread + 0.5) / (spread + 0.5));
            return new Explanation((float)idf, "idf across topics");
        }
    }
}

/// <summary>A token stream over terms that are already analysed.</summary>
internal sealed class TermListTokenStream : Lucene.Net.Analysis.TokenStream
{
    private readonly IEnumerator<string> _terms;
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;

    public TermListTokenStream(IEnumerable<string> terms)
    {
        _terms = terms.GetEnumerator();
        _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (!_terms.MoveNext()) return false;
        _term.SetEmpty().Append(_terms.Current);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _terms.Dispose();
        base.Dispose(disposing);
    }
}
