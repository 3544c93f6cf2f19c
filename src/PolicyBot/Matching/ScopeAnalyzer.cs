using Lucene.Net.Analysis;
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
/// A message is read once: each word as typed is stemmed on its own (the minimal stemmers change one word into
/// one word, as their filters do at the end of the chain), and the chain is built once per thread and reused
/// (<see cref="Analyzer"/>'s own reuse), with the apostrophes put right in the string rather than by a char filter.
/// </summary>
internal sealed class ScopeAnalyzer(Language language)
{
    /// <summary>One word: as typed (folded) and stemmed.</summary>
    public readonly record struct Word(string Surface, string Stem);

    private readonly Chain _chain = new(language);

    public Language Language { get; } = language;

    public List<Word> Words(string text)
    {
        var words = new List<Word>();
        using var stream = _chain.GetTokenStream(Chain.Field, TopicAnalyzer.StraightApostrophes(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        char[]? buffer = null;
        while (stream.IncrementToken())
        {
            var surface = term.ToString();
            words.Add(new Word(surface, StemOf(surface, ref buffer)));
        }
        stream.End();
        return words;
    }

    /// <summary>The stem of one folded word (read through the same chain: a single word is stemmed, anything else kept as it is).</summary>
    public string Stem(string surface) => Words(surface) is [var only] ? only.Stem : surface;

    /// <summary>What the language's minimal stem filter makes of one word.</summary>
    private string StemOf(string word, ref char[]? buffer)
    {
        if (buffer is null || buffer.Length < word.Length) buffer = new char[Math.Max(32, word.Length)];
        word.CopyTo(0, buffer, 0, word.Length);
        var length = Language == Language.Fr ? FrenchStemmer.Stem(buffer, word.Length) : EnglishStemmer.Stem(buffer, word.Length);
        return length == word.Length && word.AsSpan().SequenceEqual(buffer.AsSpan(0, length)) ? word : new string(buffer, 0, length);
    }

    private static readonly FrenchMinimalStemmer FrenchStemmer = new();
    private static readonly EnglishMinimalStemmer EnglishStemmer = new();

    /// <summary>The chain up to the stemmer: tokenizer, elision or possessives, lower case, accent folding.</summary>
    private sealed class Chain(Language language) : Analyzer
    {
        public const string Field = "message";

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(TopicAnalyzer.Version, reader);
            TokenStream stream = source;
            if (language == Language.Fr)
            {
                stream = new ElisionFilter(stream, StopWords.FrenchElisions);
                stream = new LowerCaseFilter(TopicAnalyzer.Version, stream);
                stream = new ASCIIFoldingFilter(stream);
            }
            else
            {
                stream = new EnglishPossessiveFilter(TopicAnalyzer.Version, stream);
                stream = new LowerCaseFilter(TopicAnalyzer.Version, stream);
                stream = new ASCIIFoldingFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
