using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// One language's index of the topics, held in memory: per topic its title, its summary, its guidance (what to do,
/// what to avoid, why), all its example questions and the pairs of neighbouring terms in each example, ranked for a
/// question with BM25 (<see cref="Bm25"/>: Lucene's formula and its one-byte field lengths, so the scores are those a
/// Lucene index of the same fields gives, but for the order in which one term's fields are added: within a
/// millionth); and a <see cref="TopicClassifier"/> trained on the same sentences, which reorders the topics BM25
/// finds. Immutable once built; safe to use from many threads.
/// </summary>
internal sealed class TopicIndex
{
    // The fields a question is searched in, in the order a term's fields are tried; a field's number is its place here.
    private const int TitleField = 0;
    private const int SummaryField = 1;
    private const int GuidanceField = 2;
    private const int ExamplesField = 3;
    private const int PairsField = 4;
    private const int FieldCount = 5;

    private readonly TopicMatcherSettings _settings;
    private readonly string[] _topicIds;
    private readonly HashSet<string> _weakTerms;
    private readonly TopicClassifier? _classifier;
    private readonly Dictionary<string, int> _classOfTopic;
    private readonly Postings _postings;
    private readonly Bm25 _bm25;

    public TopicIndex(Language language, ContentLibrary content, TopicMatcherSettings settings, Func<Topic, Language, int, bool> includeExample, IReadOnlyList<TopicQuestion> questions)
    {
        _settings = settings;
        Analyzer = new TopicAnalyzer(language, content.Synonyms.For(language), settings, Vocabulary(content, language, includeExample));
        _weakTerms = [.. StopWords.Weak(language).SelectMany(Analyzer.Terms)];
        _classOfTopic = content.Topics.Select((topic, i) => (topic.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        _topicIds = [.. content.Topics.Select(t => t.Id)];
        // A question's search marks the topics a term is found in with one bit each of a 64-bit word.
        if (_topicIds.Length > 64) throw new InvalidDataException("The topic index holds at most 64 topics.");
        var sentences = new List<(int Class, IReadOnlyList<string> Features)>();
        var builder = new PostingsBuilder(_topicIds.Length);
        var asked = questions.Where(q => q.Language == language).ToLookup(q => q.Topic, q => q.Text, StringComparer.Ordinal);
        foreach (var topic in content.Topics) AddTopic(builder, topic, language, includeExample, asked[topic.Id], sentences);
        _postings = builder.Build(settings.EntropyIdf);
        _bm25 = new Bm25(settings.K1, settings.B, _topicIds.Length, _postings.Lengths, _postings.MeanLength);
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
        var hits = Bm25Hits(terms);
        if (hits is null) return [];
        if (_classifier is null && hits.Count > count) hits = hits[..count];
        var ranked = new List<TopicScore>(hits.Count);
        var probabilities = hits.Count > 0 ? _classifier?.Probabilities(Features(terms)) : null;
        var best = hits.Count > 0 ? hits[0].Score : 0;
        var w = _settings.ClassifierWeight;
        foreach (var (doc, bm25) in hits)
        {
            if (bm25 <= 0) continue;
            var topicId = _topicIds[doc];
            var score = probabilities is null ? bm25 : best * (bm25 / best + w * probabilities[_classOfTopic[topicId]]) / (1 + w);
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
        return terms.Count == 0 ? 0 : (double)terms.Count(_postings.Terms.Contains) / terms.Count;
    }

    /// <summary>
    /// The topics BM25 finds for a question's terms, best first (equal scores in the topics' order), or null when no
    /// term of the question is in any field. Each distinct term counts once per topic: its best field, plus a share
    /// of its other fields (a word in a topic's title and in its examples is not twice the evidence). Pairs of
    /// neighbouring terms add what the bag of words misses: "compte perso" is not "compte de la maison". As in the
    /// Lucene query this replaces: a dis-max of the term's fields per term, the pairs field alone per pair, their sum.
    /// </summary>
    private List<(int Doc, float Score)>? Bm25Hits(List<string> terms)
    {
        var docs = _topicIds.Length;
        var total = new double[docs];
        var found = new bool[docs];
        Span<float> max = stackalloc float[docs];
        Span<float> sum = stackalloc float[docs];
        var anyClause = false;
        foreach (var term in terms.Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms))
        {
            var place = _postings.Terms.IndexOf(term);
            if (place < 0) continue;
            max.Clear();
            sum.Clear();
            var seen = 0UL;
            var idf = _bm25.Idf(_postings.Spread(place));
            foreach (var posting in _postings.Of(place))
            {
                var (field, doc, freq) = Postings.Read(posting);
                var boost = Boost(field);
                if (field == PairsField || boost <= 0) continue;
                var score = _bm25.Score(field, boost, idf, doc, freq);
                if ((seen & (1UL << doc)) == 0)
                {
                    max[doc] = sum[doc] = score;
                    seen |= 1UL << doc;
                }
                else
                {
                    sum[doc] += score;
                    max[doc] = Math.Max(max[doc], score);
                }
                anyClause = true;
            }
            for (var doc = 0; doc < docs; doc++)
            {
                if ((seen & (1UL << doc)) == 0) continue;
                total[doc] += max[doc] + (sum[doc] - max[doc]) * _settings.FieldTieBreaker;
                found[doc] = true;
            }
        }
        foreach (var pair in _settings.PairsBoost > 0 ? Pairs(terms).Distinct(StringComparer.Ordinal).Take(_settings.MaxTerms) : [])
        {
            var place = _postings.Terms.IndexOf(pair);
            if (place < 0) continue;
            var idf = _bm25.Idf(_postings.Spread(place));
            foreach (var posting in _postings.Of(place))
            {
                var (field, doc, freq) = Postings.Read(posting);
                if (field != PairsField) continue;
                total[doc] += _bm25.Score(field, _settings.PairsBoost, idf, doc, freq);
                found[doc] = true;
                anyClause = true;
            }
        }
        if (!anyClause) return null;
        var hits = new List<(int Doc, float Score)>(docs);
        for (var doc = 0; doc < docs; doc++)
        {
            if (found[doc]) hits.Add((doc, (float)total[doc]));
        }
        hits.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Doc.CompareTo(y.Doc));
        return hits;
    }

    private float Boost(int field) => field switch
    {
        TitleField => _settings.TitleBoost,
        SummaryField => _settings.SummaryBoost,
        GuidanceField => _settings.GuidanceBoost,
        ExamplesField => _settings.ExamplesBoost,
        _ => _settings.PairsBoost,
    };

    /// <summary>What the classifier reads of a sentence: its terms and its pairs of neighbouring terms.</summary>
    private IEnumerable<string> Features(List<string> terms) => terms.Concat(Pairs(terms).Select(pair => "§" + pair));

    /// <summary>
    /// Title and summary are analysed as they are; guidance and examples are analysed here, once, as one list of
    /// terms per field (a question is never searched as a phrase, so where one example ends does not matter; a pair
    /// never spans two examples). Each sentence, analysed, is also added to <paramref name="sentences"/> to train the
    /// classifier.
    /// </summary>
    private void AddTopic(PostingsBuilder index, Topic topic, Language language, Func<Topic, Language, int, bool> includeExample, IEnumerable<string> questions, List<(int Class, IReadOnlyList<string> Features)> sentences)
    {
        var text = topic.Text(language);
        var topicClass = _classOfTopic[topic.Id];
        // Each text is analysed once: its terms go to the index and, sentence by sentence, to the classifier.
        var guidance = new List<string>();
        foreach (var sentence in Guidance(text))
        {
            var terms = Analyzer.Terms(sentence);
            guidance.AddRange(terms);
            sentences.Add((topicClass, [.. Features(terms)]));
        }
        var title = Analyzer.Terms(text.Title, out var titleOverlaps);
        var summary = Analyzer.Terms(text.Summary, out var summaryOverlaps);
        sentences.Add((topicClass, [.. Features(title)]));
        sentences.Add((topicClass, [.. Features(summary)]));
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
        var doc = topicClass;
        index.Add(TitleField, doc, title, titleOverlaps);
        index.Add(SummaryField, doc, summary, summaryOverlaps);
        index.Add(GuidanceField, doc, guidance, 0);
        index.Add(ExamplesField, doc, examples, 0);
        index.Add(PairsField, doc, pairs, 0);
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
    /// What the index holds: every term of every field (<see cref="TermTable"/>); at each term's place, where it
    /// occurs (field, topic and how often, one <see cref="uint"/> each, in field then topic order) and how many topics
    /// it is spread over (<see cref="Bm25"/>'s idf); and per field, each topic's length as Lucene keeps it (one byte)
    /// and the field's mean length over the topics.
    /// </summary>
    private sealed class Postings(TermTable terms, int[] start, uint[] entries, double[] spread, byte[][] lengths, float[] meanLength)
    {
        public TermTable Terms { get; } = terms;
        public byte[][] Lengths { get; } = lengths;
        public float[] MeanLength { get; } = meanLength;

        public double Spread(int place) => spread[place];

        public ReadOnlySpan<uint> Of(int place) => entries.AsSpan(start[place], start[place + 1] - start[place]);

        public static uint Entry(int field, int doc, int freq) => (uint)field << 28 | (uint)doc << 20 | (uint)freq;

        public static (int Field, int Doc, int Freq) Read(uint entry) => ((int)(entry >> 28), (int)(entry >> 20) & 0xFF, (int)(entry & 0xFFFFF));
    }

    /// <summary>Gathers the topics' fields, then builds <see cref="Postings"/> once.</summary>
    private sealed class PostingsBuilder(int docs)
    {
        private readonly List<string> _terms = [];
        private readonly Dictionary<string, int> _numbered = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _freq = [];
        private readonly int[,] _length = new int[FieldCount, docs];
        private readonly long[] _tokens = new long[FieldCount];

        public void Add(int field, int doc, List<string> terms, int overlaps)
        {
            foreach (var term in terms)
            {
                if (!_numbered.TryGetValue(term, out var id))
                {
                    _numbered[term] = id = _terms.Count;
                    _terms.Add(term);
                }
                var key = ((long)id * FieldCount + field) * docs + doc;
                _freq[key] = _freq.GetValueOrDefault(key) + 1;
            }
            _length[field, doc] += terms.Count - overlaps;
            _tokens[field] += terms.Count;
        }

        public Postings Build(bool entropy)
        {
            var table = new TermTable(_terms, out var places);
            var keys = _freq.Keys.ToArray();
            Array.Sort(keys);
            var counts = new int[table.Count];
            foreach (var key in keys) counts[places[key / docs / FieldCount]]++;
            var start = new int[table.Count + 1];
            for (var place = 0; place < table.Count; place++) start[place + 1] = start[place] + counts[place];
            var next = (int[])start.Clone();
            var entries = new uint[keys.Length];
            var perTopic = new double[table.Count * docs];
            foreach (var key in keys)
            {
                var doc = (int)(key % docs);
                var field = (int)(key / docs % FieldCount);
                var place = places[key / docs / FieldCount];
                var freq = _freq[key];
                if (freq > 0xFFFFF) throw new InvalidOperationException("A term occurs more than a million times in one topic's field.");
                entries[next[place]++] = Postings.Entry(field, doc, freq);
                perTopic[place * docs + doc] += freq;
            }
            var spread = new double[table.Count];
            for (var place = 0; place < table.Count; place++) spread[place] = Spread(perTopic.AsSpan(place * docs, docs), entropy);
            var lengths = new byte[FieldCount][];
            var meanLength = new float[FieldCount];
            for (var field = 0; field < FieldCount; field++)
            {
                lengths[field] = new byte[docs];
                for (var doc = 0; doc < docs; doc++) lengths[field][doc] = Bm25.EncodeLength(_length[field, doc]);
                meanLength[field] = Bm25.MeanLength(_tokens[field], docs);
            }
            return new Postings(table, start, entries, spread, lengths, meanLength);
        }
    }

    private static double Spread(ReadOnlySpan<double> perTopic, bool entropy)
    {
        var spreadOver = 0;
        var total = 0.0;
        foreach (var c in perTopic)
        {
            if (c > 0) spreadOver++;
            total += c;
        }
        if (!entropy) return spreadOver;
        var h = 0.0;
        foreach (var c in perTopic)
        {
            if (c > 0) h -= c / total * Math.Log(c / total);
        }
        return Math.Exp(h);
    }
}
