using System.Buffers;
using BotFramework.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Turns French or English text into the terms the topic indexes hold. The same analyzer indexes the
/// content and analyses questions, so both sides agree on accents, elision, plurals and synonyms.
/// French: standard tokenizer, elision (l', d', qu'…), lower case, accent folding, stop words, light
/// stemming, synonyms. English: the same with possessives instead of elision and an English stemmer.
/// Each synonym group (Content/synonyms.json) is rewritten to one shared term, so "DM", "inbox" and
/// "private message" all index and search as the same word. Before stemming, a word one slip away from the
/// content's own words is put right (<see cref="TermSpelling"/>), so "frend request" is a friend request.
/// </summary>
internal sealed class TopicAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Prefix of the term a synonym group is rewritten to; no real word starts with it.</summary>
    internal const string SynonymTermPrefix = "§syn";

    private static readonly NormalizeCharMap Apostrophes = BuildApostropheMap();

    private readonly Language _language;
    private readonly TopicMatcherSettings _settings;
    private readonly CharArraySet _stopWords;
    private readonly SynonymMap? _synonyms;
    private readonly TermSpelling? _spelling;

    /// <summary>
    /// An analyzer for <paramref name="language"/>; with <see cref="TopicMatcherSettings.CorrectSpelling"/>,
    /// <paramref name="vocabulary"/> (the content's texts) says which words are right.
    /// </summary>
    public TopicAnalyzer(Language language, IEnumerable<IReadOnlyCollection<string>> synonymGroups, TopicMatcherSettings settings, IEnumerable<string>? vocabulary = null)
    {
        _language = language;
        _settings = settings;
        _stopWords = StopWords.For(language, settings);
        var groups = synonymGroups.ToList();
        _synonyms = BuildSynonyms(groups);
        if (settings.CorrectSpelling && vocabulary is not null)
        {
            var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var text in vocabulary.Concat(groups.SelectMany(g => g)))
            {
                foreach (var word in Words(text)) frequencies[word] = frequencies.GetValueOrDefault(word) + 1;
            }
            _spelling = new TermSpelling(frequencies);
        }
    }

    public Language Language => _language;

    /// <summary>The terms of <paramref name="text"/>, in order (synonyms already rewritten).</summary>
    public List<string> Terms(string text) => Terms(text, out _);

    /// <summary>
    /// The terms of <paramref name="text"/>, and how many of them stand at the same position as the one before
    /// (two synonym groups for one phrase): a field's length for BM25 does not count them.
    /// </summary>
    public List<string> Terms(string text, out int overlaps)
    {
        overlaps = 0;
        var terms = new List<string>();
        // The apostrophes are put right in the string here, which is what the char filter does for any other
        // field name: the text then needs no filter of its own (each one buffers 8,192 characters).
        using var stream = GetTokenStream(QuestionField, StraightApostrophes(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
            if (increment.PositionIncrement == 0) overlaps++;
        }
        stream.End();
        return terms;
    }

    /// <summary>The field name <see cref="Terms"/> analyses under: its text has straight apostrophes already.</summary>
    private const string QuestionField = "\u0000question";

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        fieldName == QuestionField ? reader : new MappingCharFilter(Apostrophes, reader);

    /// <summary><paramref name="text"/> with every apostrophe of <see cref="TextNormalizer.Apostrophes"/> read as <c>'</c>; the same string when it has none.</summary>
    internal static string StraightApostrophes(string text)
    {
        if (text.AsSpan().IndexOfAny(ApostropheChars) < 0) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = ApostropheChars.Contains(source[i]) ? '\'' : source[i];
        });
    }

    private static readonly SearchValues<char> ApostropheChars = SearchValues.Create([.. TextNormalizer.Apostrophes]);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => Components(reader, _synonyms, _spelling);

    /// <summary>The chain; without <paramref name="stem"/> it stops at the words as typed (folded, stop words dropped).</summary>
    private TokenStreamComponents Components(TextReader reader, SynonymMap? synonyms, TermSpelling? spelling, bool stem = true)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = source;
        if (_language == Language.Fr)
        {
            stream = new ElisionFilter(stream, StopWords.FrenchElisions);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, _stopWords);
            if (spelling is not null) stream = new SpellingFilter(stream, spelling);
            if (!stem) return new TokenStreamComponents(source, stream);
            stream = _settings.FrenchStemmer switch
            {
                FrenchStemmer.Minimal => new FrenchMinimalStemFilter(stream),
                FrenchStemmer.Snowball => new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer()),
                FrenchStemmer.None => stream,
                _ => new FrenchLightStemFilter(stream),
            };
        }
        else
        {
            stream = new EnglishPossessiveFilter(Version, stream);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, _stopWords);
            if (spelling is not null) stream = new SpellingFilter(stream, spelling);
            if (!stem) return new TokenStreamComponents(source, stream);
            stream = _settings.EnglishStemmer switch
            {
                EnglishStemmer.Porter => new PorterStemFilter(stream),
                EnglishStemmer.KStem => new KStemFilter(stream),
                EnglishStemmer.Snowball => new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer()),
                EnglishStemmer.None => stream,
                _ => new EnglishMinimalStemFilter(stream),
            };
        }
        if (synonyms is not null) stream = new SynonymFilter(stream, synonyms, ignoreCase: false);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>
    /// Each phrase of a group goes through the same chain as the text (without synonyms), so
    /// "boîte de réception" is matched as the terms the text will produce: folded, stop words
    /// dropped, stemmed.
    /// </summary>
    private SynonymMap? BuildSynonyms(IEnumerable<IReadOnlyCollection<string>> groups)
    {
        var builder = new SynonymMap.Builder(dedup: true);
        var any = false;
        var groupNumber = 0;
        foreach (var group in groups)
        {
            var output = new CharsRef(SynonymTermPrefix + groupNumber++.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var phrase in group)
            {
                var words = PlainTerms(phrase);
                if (words.Count == 0) continue;
                builder.Add(SynonymMap.Builder.Join([.. words], new CharsRef()), output, _settings.KeepSynonymOriginals);
                any = true;
            }
        }
        return any ? builder.Build() : null;
    }

    private List<string> PlainTerms(string text) => Run(text, stem: true);

    /// <summary>The words of <paramref name="text"/> before stemming: what spelling is checked against.</summary>
    private List<string> Words(string text) => Run(text, stem: false);

    private List<string> Run(string text, bool stem)
    {
        var terms = new List<string>();
        using var reader = new MappingCharFilter(Apostrophes, new StringReader(text));
        var components = Components(reader, synonyms: null, spelling: null, stem);
        using var stream = components.TokenStream;
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>Replaces each term by <see cref="TermSpelling.Correct"/>'s answer.</summary>
    private sealed class SpellingFilter(TokenStream input, TermSpelling spelling) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            var typed = _term.ToString();
            var corrected = spelling.Correct(typed);
            if (!ReferenceEquals(corrected, typed)) _term.SetEmpty().Append(corrected);
            return true;
        }
    }

    /// <summary>Every apostrophe people type read as <c>'</c> before the tokenizer, so elision and possessives see it; shared with <see cref="ScopeAnalyzer"/>.</summary>
    internal static NormalizeCharMap BuildApostropheMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var apostrophe in TextNormalizer.Apostrophes) builder.Add(apostrophe.ToString(), "'");
        return builder.Build();
    }
}
