using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace PolicyBot.Knowledge;

/// <summary>
/// One language's in-memory Lucene index: one document per topic with its title, its summary, its
/// guidance (what to do, what to avoid, why) and each example question as its own value of the
/// examples field, plus the pairs of neighbouring terms in those examples. Immutable once built; the
/// shared <see cref="IndexSearcher"/> is safe to use from many threads.
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
    private readonly Dictionary<string, HashSet<string>> _fieldTerms;

    public TopicIndex(Language language, ContentLibrary content, TopicMatcherSettings settings, Func<Topic, Language, int, bool> includeExample)
    {
        _settings = settings;
        Analyzer = new TopicAnalyzer(language, content.Synonyms.For(language), settings);
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(TopicAnalyzer.Version, Analyzer)
        {
            Similarity = new Lucene.Net.Search.Similarities.BM25Similarity(settings.K1, settings.B),
            OpenMode = OpenMode.CREATE,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var topic in content.Topics) writer.AddDocument(Document(topic, language, includeExample));
            writer.Commit();
        }
        var reader = DirectoryReader.Open(directory);
        _topicIds = new string[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++) _topicIds[doc] = reader.Document(doc).Get(IdField);
        (_fieldTerms, var spread) = Vocabulary(reader, settings.EntropyIdf);
        _searcher = new IndexSearcher(reader) { Similarity = new TopicSimilarity(settings.K1, settings.B, spread, reader.MaxDoc) };
    }

    public TopicAnalyzer Analyzer { get; }

    /// <summary>The best topics for <paramref name="text"/>, best first, each with a score above zero.</summary>
    public IReadOnlyList<TopicScore> Search(string text, int count)
    {
        var query = Query(Analyzer.Terms(text));
        if (query.Clauses.Count == 0) return [];
        var hits = _searcher.Search(query, count).ScoreDocs;
        var ranked = new List<TopicScore>(hits.Length);
        foreach (var hit in hits)
        {
            if (hit.Score > 0) ranked.Add(new TopicScore(_topicIds[hit.Doc], hit.Score));
        }
        return ranked;
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
            AddTerm(fields, TitleField, term, _settings.TitleBoost);
            AddTerm(fields, SummaryField, term, _settings.SummaryBoost);
            AddTerm(fields, GuidanceField, term, _settings.GuidanceBoost);
            AddTerm(fields, ExamplesField, term, _settings.ExamplesBoost);
            if (fields.Disjuncts.Count > 0) query.Add(fields, Occur.SHOULD);
        }
        foreach (var pair in Pairs(terms).Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms))
        {
            var pairs = new DisjunctionMaxQuery(0);
            AddTerm(pairs, PairsField, pair, _settings.PairsBoost);
            if (pairs.Disjuncts.Count > 0) query.Add(pairs, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>Only field/term pairs the index holds become clauses: the others would score nothing and cost a lookup.</summary>
    private void AddTerm(DisjunctionMaxQuery query, string field, string term, float boost)
    {
        if (boost > 0 && _fieldTerms.TryGetValue(field, out var terms) && terms.Contains(term))
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost });
        }
    }

    private Document Document(Topic topic, Language language, Func<Topic, Language, int, bool> includeExample)
    {
        var text = topic.Text(language);
        var document = new Document
        {
            new StringField(IdField, topic.Id, Field.Store.YES),
            new TextField(TitleField, text.Title, Field.Store.NO),
            new TextField(SummaryField, text.Summary, Field.Store.NO),
        };
        foreach (var line in text.DoNow.Concat(text.Avoid).Concat(text.Why))
        {
            document.Add(new TextField(GuidanceField, line, Field.Store.NO));
        }
        for (var i = 0; i < text.Examples.Count; i++)
        {
            if (!includeExample(topic, language, i)) continue;
            var terms = Analyzer.Terms(text.Examples[i]);
            document.Add(new TextField(ExamplesField, new TermListTokenStream(terms)));
            document.Add(new TextField(PairsField, new TermListTokenStream([.. Pairs(terms)])));
        }
        return document;
    }

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
    /// Reads the vocabulary once: the terms each field holds, and for each term how many topics it is
    /// spread over (all fields together; with entropy, a word used ten times by one topic and once by
    /// another counts as little more than one topic).
    /// </summary>
    private static (Dictionary<string, HashSet<string>> FieldTerms, Dictionary<string, double> Spread) Vocabulary(DirectoryReader reader, bool entropy)
    {
        var fieldTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var fields = MultiFields.GetFields(reader);
        DocsEnum? docs = null;
        foreach (var field in fields)
        {
            if (field == IdField) continue;
            var terms = fieldTerms[field] = new HashSet<string>(StringComparer.Ordinal);
            var termsEnum = fields.GetTerms(field).GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term.Utf8ToString();
                terms.Add(term);
                if (!counts.TryGetValue(term, out var perTopic)) counts[term] = perTopic = new double[reader.MaxDoc];
                docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) perTopic[doc] += docs.Freq;
            }
        }
        return (fieldTerms, counts.ToDictionary(t => t.Key, t => Spread(t.Value, entropy), StringComparer.Ordinal));
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
