using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// One language's in-memory Lucene index: one document per topic with its title, its summary, its
/// guidance (what to do, what to avoid, why), all its example questions, and the pairs of neighbouring
/// terms in each example; and a <see cref="TopicClassifier"/> trained on the same sentences, which
/// reorders the topics BM25 finds. Immutable once built; the shared <see cref="IndexSearcher"/> is safe
/// to use from many threads.
/// </summary>
internal sealed class TopicIndex
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string SummaryField = "summary";
    private const string GuidanceField = "guidance";
    private const string ExamplesField = "examples";
    private const string PairsField = "pairs";

    private readonly TopicMatcherSettings _settings;
    private readonly IndexSearcher _searcher;
    private readonly string[] _topicIds;
    private readonly IndexVocabulary _vocabulary;
    private readonly HashSet<string> _weakTerms;
    private readonly TopicClassifier? _classifier;
    private readonly Dictionary<string, int> _classOfTopic;
    private readonly Dictionary<string, ConcurrentDictionary<string, (Term Term, TermContext Context)>> _lookedUp;

    public TopicIndex(Language language, ContentLibrary content, TopicMatcherSettings settings, Func<Topic, Language, int, bool> includeExample, IReadOnlyList<TopicQuestion> questions)
    {
        _settings = settings;
        Analyzer = new TopicAnalyzer(language, content.Synonyms.For(language), settings, Vocabulary(content, language, includeExample));
        _weakTerms = [.. StopWords.Weak(language).SelectMany(Analyzer.Terms)];
        var config = new IndexWriterConfig(TopicAnalyzer.Version, Analyzer)
        {
            Similarity = new BM25Similarity(settings.K1, settings.B),
            OpenMode = OpenMode.CREATE,
            UseCompoundFile = false, // nothing is ever written to disk
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        _classOfTopic = content.Topics.Select((topic, i) => (topic.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        var sentences = new List<(int Class, IReadOnlyList<string> Features)>();
        DirectoryReader reader;
        using (var writer = new IndexWriter(new RAMDirectory(), config))
        {
            var asked = questions.Where(q => q.Language == language).ToLookup(q => q.Topic, q => q.Text, StringComparer.Ordinal);
            foreach (var topic in content.Topics) writer.AddDocument(Document(topic, language, includeExample, asked[topic.Id], sentences));
            reader = DirectoryReader.Open(writer, applyAllDeletes: false); // one segment, flushed in memory: no commit needed
        }
        _topicIds = new string[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++) _topicIds[doc] = reader.Document(doc).Get(IdField);
        _vocabulary = ReadVocabulary(reader, settings.EntropyIdf);
        _lookedUp = SearchedFields.ToDictionary(field => field, _ => new ConcurrentDictionary<string, (Term, TermContext)>(StringComparer.Ordinal), StringComparer.Ordinal);
        _searcher = new IndexSearcher(reader) { Similarity = new TopicSimilarity(settings.K1, settings.B, _vocabulary.Spread, reader.MaxDoc) };
        _classifier = settings.ClassifierWeight > 0 ? new TopicClassifier(_classOfTopic.Count, sentences, settings) : null;
    }

    public TopicAnalyzer Analyzer { get; }

    /// <summary>
    /// The best topics for <paramref name="text"/>, best first, each with a score above zero. Only topics
    /// BM25 finds are ranked; with the classifier on, each one's score becomes
    /// <c>best × (bm25 / best + w × p) / (1 + w)</c>, where <c>best</c> is the first BM25 score and <c>p</c>
    /// the classifier's probability for the topic: still on the BM25 scale, so the confidence thresholds
    /// read the same way, and a topic both agree on keeps the best score.
    /// </summary>
    public IReadOnlyList<TopicScore> Search(string text, int count)
    {
        var terms = Analyzer.Terms(text);
        // "my", "we", "je", "notre", "should", "peut-on" help to tell topics apart, but alone they are not a
        // question; nor is a number alone ("2" typed to a menu that is no longer there).
        if (terms.TrueForAll(t => _weakTerms.Contains(t) || t.All(char.IsAsciiDigit))) return [];
        var query = Query(terms);
        if (query.Clauses.Count == 0) return [];
        // Collected in document order: Lucene then sums the clauses one document at a time instead of filling a
        // table of 2,048 buckets for every question (most of what a search allocated), with the same scores and order.
        var collector = TopScoreDocCollector.Create(_classifier is null ? count : _topicIds.Length, docsScoredInOrder: true);
        _searcher.Search(query, collector);
        var hits = collector.GetTopDocs().ScoreDocs;
        var ranked = new List<TopicScore>(hits.Length);
        var probabilities = hits.Length > 0 ? _classifier?.Probabilities(Features(terms)) : null;
        var best = hits.Length > 0 ? hits[0].Score : 0;
        var w = _settings.ClassifierWeight;
        foreach (var hit in hits)
        {
            if (hit.Score <= 0) continue;
            var topicId = _topicIds[hit.Doc];
            var score = probabilities is null ? hit.Score : best * (hit.Score / best + w * probabilities[_classOfTopic[topicId]]) / (1 + w);
            ranked.Add(new TopicScore(topicId, score));
        }
        if (probabilities is null) return ranked;
        ranked.Sort((x, y) => y.Score.CompareTo(x.Score));
        return ranked.Count > count ? ranked[..count] : ranked;
    }

    /// <summary>The share (0 to 1) of the distinct terms of <paramref name="text"/> that appear somewhere in this language's topics.</summary>
    public double KnownShare(string text)
    {
        var terms = Analyzer.Terms(text).Distinct(StringComparer.Ordinal).ToList();
        return terms.Count == 0 ? 0 : (double)terms.Count(_vocabulary.Terms.Contains) / terms.Count;
    }

    /// <summary>
    /// Each distinct term counts once per topic: its best field, plus a share of its other fields (a word
    /// in a topic's title and in its examples is not twice the evidence). Pairs of neighbouring terms
    /// add what the bag of words misses: "compte perso" is not "compte de la maison".
    /// </summary>
    private BooleanQuery Query(List<string> terms)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms.Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms))
        {
            var fields = new DisjunctionMaxQuery(_settings.FieldTieBreaker);
            foreach (var (field, boost) in TermFields)
            {
                if (Clause(field, term, boost) is { } clause) fields.Add(clause);
            }
            if (fields.Disjuncts.Count > 0) query.Add(fields, Occur.SHOULD);
        }
        foreach (var pair in Pairs(terms).Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms))
        {
            if (Clause(PairsField, pair, _settings.PairsBoost) is { } clause) query.Add(clause, Occur.SHOULD);
        }
        return query;
    }

    private IEnumerable<(string Field, float Boost)> TermFields =>
    [
        (TitleField, _settings.TitleBoost),
        (SummaryField, _settings.SummaryBoost),
        (GuidanceField, _settings.GuidanceBoost),
        (ExamplesField, _settings.ExamplesBoost),
    ];

    /// <summary>What the classifier reads of a sentence: its terms and its pairs of neighbouring terms.</summary>
    private IEnumerable<string> Features(List<string> terms) => terms.Concat(Pairs(terms).Select(pair => "§" + pair));

    /// <summary>
    /// Only field/term pairs the index holds become clauses: the others would score nothing and cost a lookup.
    /// Each clause carries the term's place in the index, looked up the first time the term is asked and kept
    /// (<see cref="_lookedUp"/>): the index never changes, and walking its term dictionary again for every
    /// question was most of what a question cost.
    /// </summary>
    private TermQuery? Clause(string field, string term, float boost)
    {
        if (boost <= 0 || !_vocabulary.Holds(field, term)) return null;
        var fieldLookups = _lookedUp[field];
        if (!fieldLookups.TryGetValue(term, out var found))
        {
            var indexed = new Term(field, term);
            found = fieldLookups.GetOrAdd(term, (indexed, TermContext.Build(_searcher.TopReaderContext, indexed)));
        }
        return new TermQuery(found.Term, found.Context) { Boost = boost };
    }

    /// <summary>
    /// Title and summary are analysed by the writer; guidance and examples are analysed here, once, and
    /// handed over as one stream per field (a question is never searched as a phrase, so where one
    /// example ends does not matter; a pair never spans two examples). Each sentence, analysed, is also
    /// added to <paramref name="sentences"/> to train the classifier.
    /// </summary>
    private Document Document(Topic topic, Language language, Func<Topic, Language, int, bool> includeExample, IEnumerable<string> questions, List<(int Class, IReadOnlyList<string> Features)> sentences)
    {
        var text = topic.Text(language);
        var topicClass = _classOfTopic[topic.Id];
        foreach (var sentence in Guidance(text).Append(text.Title).Append(text.Summary))
        {
            sentences.Add((topicClass, [.. Features(Analyzer.Terms(sentence))]));
        }
        var guidance = Guidance(text).SelectMany(Analyzer.Terms).ToList();
        var examples = new List<string>();
        var pairs = new List<string>();
        for (var i = 0; i < text.Examples.Count; i++)
        {
            if (!includeExample(topic, language, i)) continue;
            var terms = Analyzer.Terms(text.Examples[i]);
            examples.AddRange(terms);
            pairs.AddRange(Pairs(terms));
            sentences.Add((topicClass, [.. Features(terms)]));
        }
        foreach (var question in questions)
        {
            var terms = Analyzer.Terms(question);
            if (_settings.QuestionsInIndex)
            {
                examples.AddRange(terms);
                pairs.AddRange(Pairs(terms));
            }
            if (_settings.QuestionsInClassifier)
            {
                IReadOnlyList<string> features = [.. Features(terms)];
                for (var copy = 0; copy < _settings.QuestionCopies; copy++) sentences.Add((topicClass, features));
            }
        }
        return
        [
            new StringField(IdField, topic.Id, Field.Store.YES),
            new Field(TitleField, text.Title, Searched),
            new Field(SummaryField, text.Summary, Searched),
            new Field(GuidanceField, new TermListTokenStream(guidance), Searched),
            new Field(ExamplesField, new TermListTokenStream(examples), Searched),
            new Field(PairsField, new TermListTokenStream(pairs), Searched),
        ];
    }

    /// <summary>Every text of the language the index is built from: what the spelling correction takes as right.</summary>
    private static IEnumerable<string> Vocabulary(ContentLibrary content, Language language, Func<Topic, Language, int, bool> includeExample)
    {
        foreach (var topic in content.Topics)
        {
            var text = topic.Text(language);
            foreach (var sentence in Guidance(text).Append(text.Title).Append(text.Summary)) yield return sentence;
            for (var i = 0; i < text.Examples.Count; i++)
            {
                if (includeExample(topic, language, i)) yield return text.Examples[i];
            }
        }
    }

    /// <summary>What to do, what to avoid and why: the topic's guidance sentences.</summary>
    private static IEnumerable<string> Guidance(TopicText text) => text.DoNow.Concat(text.Avoid).Concat(text.Why);

    /// <summary>Terms at most <see cref="TopicMatcherSettings.PairsWindow"/> apart, in their order, as one term.</summary>
    private IEnumerable<string> Pairs(List<string> terms)
    {
        for (var i = 1; i < terms.Count; i++)
        {
            for (var j = Math.Max(0, i - _settings.PairsWindow); j < i; j++)
            {
                if (terms[j] != terms[i]) yield return terms[j] + " " + terms[i];
            }
        }
    }

    /// <summary>
    /// How a searched field is indexed: analysed, not stored, with each term's frequency per topic but not its
    /// positions (BM25 reads frequencies and lengths; a question is never searched as a phrase).
    /// </summary>
    private static readonly FieldType Searched = SearchedFieldType();

    private static FieldType SearchedFieldType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        return type;
    }

    /// <summary>The fields a question is searched in (every field but the topic's id).</summary>
    private static readonly string[] SearchedFields = [TitleField, SummaryField, GuidanceField, ExamplesField, PairsField];

    /// <summary>
    /// What the index holds, read once: every term of every searched field (<see cref="TermTable"/>), at each term's
    /// place the fields that hold it (one bit per field of <see cref="SearchedFields"/>) and how many topics it is
    /// spread over (<see cref="TopicSimilarity"/>'s idf).
    /// </summary>
    private sealed record IndexVocabulary(TermTable Terms, byte[] FieldsOf, double[] SpreadAt)
    {
        public bool Holds(string field, string term)
        {
            var place = Terms.IndexOf(term);
            return place >= 0 && (FieldsOf[place] & (1 << Array.IndexOf(SearchedFields, field))) != 0;
        }

        public double Spread(string term)
        {
            var place = Terms.IndexOf(term);
            return place < 0 ? 0 : SpreadAt[place];
        }
    }

    /// <summary>
    /// Reads the vocabulary once: the terms each field holds, and for each term how many topics it is
    /// spread over (all fields together; with entropy, a word used ten times by one topic and once by
    /// another counts as little more than one topic).
    /// </summary>
    private static IndexVocabulary ReadVocabulary(DirectoryReader reader, bool entropy)
    {
        var terms = new List<string>();
        var fieldsOf = new List<byte>();
        var counts = new List<double[]>();
        var numbered = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = MultiFields.GetFields(reader);
        DocsEnum? docs = null;
        foreach (var field in fields)
        {
            if (field == IdField) continue;
            var bit = Array.IndexOf(SearchedFields, field);
            if (bit < 0) throw new InvalidOperationException($"The topic index has a field it never searches: {field}.");
            var termsEnum = fields.GetTerms(field).GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term.Utf8ToString();
                if (!numbered.TryGetValue(term, out var id))
                {
                    numbered[term] = id = terms.Count;
                    terms.Add(term);
                    fieldsOf.Add(0);
                    counts.Add(new double[reader.MaxDoc]);
                }
                fieldsOf[id] |= (byte)(1 << bit);
                var perTopic = counts[id];
                docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) perTopic[doc] += docs.Freq;
            }
        }
        var table = new TermTable(terms, out var places);
        var fieldsAt = new byte[table.Count];
        var spreadAt = new double[table.Count];
        for (var id = 0; id < terms.Count; id++)
        {
            fieldsAt[places[id]] = fieldsOf[id];
            spreadAt[places[id]] = Spread(counts[id], entropy);
        }
        return new IndexVocabulary(table, fieldsAt, spreadAt);
    }

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
}
