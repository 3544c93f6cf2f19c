using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Reads a message for <see cref="ScopeRecognizer"/>: the words as typed (lower case, accents folded,
/// French elision and English possessives removed) and the same words minimally stemmed (plurals and the
/// like), one pair per word. Unlike <see cref="TopicAnalyzer"/> it keeps every word ("he", "il", "me" and
/// "now" carry the meaning here) and never stems further: a stronger stemmer joins "missing" to "miss" and
/// "localisation" to "local", and a danger word must not match an ordinary one. Verb forms are listed in the data.
/// </summary>
internal sealed class ScopeAnalyzer(Language language)
{
    /// <summary>One word: as typed (folded) and stemmed.</summary>
    public readonly record struct Word(string Surface, string Stem);

    public Language Language { get; } = language;

    public List<Word> Words(string text)
    {
        var surfaces = Run(text, stem: false);
        var stems = Run(text, stem: true);
        // Stemming maps each word to one word, so both runs line up; guard anyway.
        if (surfaces.Count != stems.Count) stems = [.. surfaces.Select(Stem)];
        return [.. surfaces.Select((s, i) => new Word(s, stems[i]))];
    }

    /// <summary>The stem of one folded word.</summary>
    public string Stem(string surface) => Run(surface, stem: true) is [var only] ? only : surface;

    private List<string> Run(string text, bool stem)
    {
        var terms = new List<string>();
        using var reader = new MappingCharFilter(Apostrophes, new StringReader(text));
        var source = new StandardTokenizer(TopicAnalyzer.Version, reader);
        TokenStream stream = source;
        if (Language == Language.Fr)
        {
            stream = new ElisionFilter(stream, StopWords.FrenchElisions);
            stream = new LowerCaseFilter(TopicAnalyzer.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (stem) stream = new FrenchMinimalStemFilter(stream);
        }
        else
        {
            stream = new EnglishPossessiveFilter(TopicAnalyzer.Version, stream);
            stream = new LowerCaseFilter(TopicAnalyzer.Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (stem) stream = new EnglishMinimalStemFilter(stream);
        }
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) terms.Add(term.ToString());
            stream.End();
        }
        return terms;
    }

    private static readonly NormalizeCharMap Apostrophes = TopicAnalyzer.BuildApostropheMap();
}
