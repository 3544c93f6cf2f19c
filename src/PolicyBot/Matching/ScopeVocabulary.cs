using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// One language's scope data, compiled: each concept's phrases as analysed words, the rules of each kind,
/// and the spelling help (one-slip corrections towards the scope's own words, for words the content
/// never uses). Problems with the data (a rule naming an unknown concept, a phrase that reads as
/// nothing) are collected in <see cref="Problems"/>.
/// </summary>
internal sealed class ScopeVocabulary
{
    /// <summary>
    /// Words this short are never put right, nor put right into: one slip turns them into other real words
    /// ("lying" is not "dying").
    /// </summary>
    private const int MinCorrectedLength = 6;

    private readonly ScopeAnalyzer _analyzer;
    private readonly HashSet<string> _known;
    private readonly TermSpelling _spelling;
    private readonly List<string> _prefixes = [];
    private readonly List<(string Symbol, string Word)> _symbols = [];
    private readonly Dictionary<string, List<Phrase>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly List<Phrase> _byFirstPrefix = [];
    private readonly Dictionary<ScopeKind, List<ScopeRule>> _rules = [];

    /// <summary>
    /// A concept no file defines: the message is one short phrase typed twice or more in a row, with at most
    /// <see cref="RepeatedMaxOther"/> other words around it ("c lui c lui", a house's code word sent twice and a room
    /// number). Someone in a hurry repeats; nobody asks a policy question that way. Rules name it like any concept.
    /// </summary>
    public const string RepeatedConcept = "~repeated";

    /// <summary>
    /// A concept no file defines: the message is typed in capitals (three letters or more, none small) or has an
    /// exclamation mark. It covers no word ("HELP" is the help word, emphatic); a rule names it to tell a cry ("HELP",
    /// « aide! ») from the command typed plainly ("help").
    /// </summary>
    public const string EmphaticConcept = "~emphatic";

    /// <summary>
    /// A concept no file defines: the words of the message that are numbers ("3" in "ROOM 3", « ch 2!!! »). A rule names
    /// it in <c>only</c> so that a room or a door number does not stop a message of the rule's words alone from holding.
    /// </summary>
    public const string NumberConcept = "~number";

    /// <summary>The longest phrase <see cref="RepeatedConcept"/> looks for, in words.</summary>
    private const int RepeatedMaxPhrase = 5;

    /// <summary>How many words besides the repeated phrase a message may have and still be <see cref="RepeatedConcept"/>.</summary>
    private const int RepeatedMaxOther = 3;

    private enum WordMatch
    {
        /// <summary>The same stem ("threatened" matches "threatens").</summary>
        Stem,

        /// <summary>Written <c>word*</c>: any word that starts with it.</summary>
        Prefix,

        /// <summary>Written <c>=word</c>: this word exactly, when stemming would join it to another ("comment" is not "commenter" in French).</summary>
        Exact,
    }

    /// <summary>One word of a phrase and how it matches a word of the message; <paramref name="Stem"/> indexes the phrase.</summary>
    private readonly record struct PhraseWord(string Value, WordMatch How, string Stem)
    {
        public bool IsPrefix => How == WordMatch.Prefix;

        public bool Matches(ScopeAnalyzer.Word word) => How switch
        {
            WordMatch.Prefix => word.Surface.StartsWith(Value, StringComparison.Ordinal),
            WordMatch.Exact => word.Surface == Value,
            _ => word.Stem == Value,
        };
    }

    private sealed record Phrase(string Concept, PhraseWord[] Words, string Text);

    public ScopeVocabulary(Language language, ContentLibrary content, IReadOnlyList<ScopeFile> scope, HashSet<string> knownWords)
    {
        Language = language;
        _analyzer = new ScopeAnalyzer(language);
        _known = new HashSet<string>(knownWords, StringComparer.Ordinal);
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in ScopeRecognizer.ContentTexts(content, language))
        {
            foreach (var word in _analyzer.Words(text)) frequencies[word.Surface] = frequencies.GetValueOrDefault(word.Surface) + 1;
        }

        var defined = new HashSet<string>(StringComparer.Ordinal) { RepeatedConcept, EmphaticConcept, NumberConcept };
        foreach (var file in scope)
        {
            var data = file.For(language);
            foreach (var (symbol, word) in data.Symbols)
            {
                var read = _analyzer.Words(word);
                if (symbol.Length == 0 || symbol.Any(char.IsLetterOrDigit) || read.Count == 0)
                {
                    Problems.Add($"scope/{file.Name}.json ({language.Code()}): the symbol \"{symbol}\" must be neither a letter nor a digit, and stand for a word (\"{word}\").");
                    continue;
                }
                _symbols.Add((symbol, word));
                foreach (var known in read) _known.Add(known.Surface);
            }
            foreach (var (concept, phrases) in data.Concepts)
            {
                if (!defined.Add(concept)) Problems.Add($"scope/{file.Name}.json ({language.Code()}): the concept \"{concept}\" is defined twice.");
                foreach (var phrase in phrases) Compile(file.Name, concept, phrase, frequencies);
            }
        }
        foreach (var file in scope)
        {
            if (!ScopeFiles.TryKind(file.Name, out var kind)) continue;
            var rules = _rules[kind] = [.. file.For(language).Rules];
            foreach (var name in rules.SelectMany(r => r.All.Concat(r.None).Concat(r.Only)).Distinct(StringComparer.Ordinal))
            {
                if (!defined.Contains(name)) Problems.Add($"scope/{file.Name}.json ({language.Code()}): a rule names the concept \"{name}\", which is not defined.");
            }
        }
        _spelling = new TermSpelling(frequencies);
    }

    public Language Language { get; }

    public List<string> Problems { get; } = [];

    /// <summary>What one reading of a message found: its words, how many of them the bot knows, and per concept where it matched (start, length).</summary>
    public sealed record Reading(Language Language, IReadOnlyList<ScopeAnalyzer.Word> Words, int KnownWords, IReadOnlyDictionary<string, List<(int Start, int Length)>> Matches)
    {
        public IReadOnlyCollection<string> Concepts => (IReadOnlyCollection<string>)Matches.Keys;
    }

    /// <summary>Reads <paramref name="text"/>: analysed words, slips put right, concepts found.</summary>
    public Reading Read(string text)
    {
        var words = new List<ScopeAnalyzer.Word>();
        foreach (var typed in _analyzer.Words(WithSymbolsAsWords(text)))
        {
            var word = Correct(typed);
            if (word.Surface == typed.Surface && Unglued(typed.Surface) is { } parts) words.AddRange(parts);
            else words.Add(word);
        }
        var matches = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        void Found(string concept, int start, int length)
        {
            if (!matches.TryGetValue(concept, out var list)) matches[concept] = list = [];
            list.Add((start, length));
        }
        for (var i = 0; i < words.Count; i++)
        {
            var candidates = _byFirstStem.TryGetValue(words[i].Stem, out var exact) ? exact.Concat(_byFirstPrefix) : _byFirstPrefix;
            foreach (var phrase in candidates)
            {
                if (MatchesAt(phrase, words, i)) Found(phrase.Concept, i, phrase.Words.Length);
            }
            if (words[i].Surface.All(char.IsAsciiDigit)) Found(NumberConcept, i, 1);
        }
        if (Repeated(words) is { } span) matches[RepeatedConcept] = [span];
        if (Emphatic(text)) matches[EmphaticConcept] = [(0, 0)];
        return new Reading(Language, words, words.Count(w => _known.Contains(w.Surface)), matches);
    }

    /// <summary>
    /// Where a phrase of one to <see cref="RepeatedMaxPhrase"/> words is typed twice or more in a row, with at most
    /// <see cref="RepeatedMaxOther"/> other words in the message (before or after it); null when there is none.
    /// </summary>
    internal static (int Start, int Length)? Repeated(IReadOnlyList<ScopeAnalyzer.Word> words)
    {
        var count = words.Count;
        if (count < 2 || count > 2 * RepeatedMaxPhrase + RepeatedMaxOther) return null;
        for (var start = 0; start <= RepeatedMaxOther && start < count - 1; start++)
        {
            for (var length = 1; length <= RepeatedMaxPhrase && start + 2 * length <= count; length++)
            {
                var times = 1;
                while (start + (times + 1) * length <= count && SameWords(words, start, start + times * length, length)) times++;
                if (times >= 2 && count - times * length <= RepeatedMaxOther) return (start, times * length);
            }
        }
        return null;
    }

    /// <summary>Capitals only (at least three letters, no small one), or an exclamation mark.</summary>
    internal static bool Emphatic(string text)
    {
        if (text.Contains('!', StringComparison.Ordinal)) return true;
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 3;
    }

    private static bool SameWords(IReadOnlyList<ScopeAnalyzer.Word> words, int first, int second, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (words[first + i].Surface != words[second + i].Surface) return false;
        }
        return true;
    }

    /// <summary>For diagnostics: each phrase of the data found in <paramref name="text"/>, with the words it matched.</summary>
    internal IEnumerable<string> Explain(string text)
    {
        var reading = Read(text);
        var words = reading.Words;
        if (reading.Matches.ContainsKey(RepeatedConcept)) yield return RepeatedConcept;
        if (reading.Matches.ContainsKey(EmphaticConcept)) yield return EmphaticConcept;
        if (reading.Matches.ContainsKey(NumberConcept)) yield return NumberConcept;
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var phrase in _byFirstStem.Values.SelectMany(p => p).Concat(_byFirstPrefix))
            {
                if (MatchesAt(phrase, [.. words], i)) yield return $"{phrase.Concept}:\"{phrase.Text}\"←{string.Join(' ', words.Skip(i).Take(phrase.Words.Length).Select(w => w.Surface))}";
            }
        }
    }

    /// <summary>Whether a rule of <paramref name="kind"/> holds for this reading; <paramref name="otherReading"/>: the message was detected as the other language.</summary>
    public bool Holds(ScopeKind kind, Reading reading, bool otherReading) =>
        _rules.TryGetValue(kind, out var rules) && rules.Any(rule => !(otherReading && rule.OwnLanguageOnly) && Holds(rule, reading));

    private static bool Holds(ScopeRule rule, Reading reading)
    {
        if (reading.KnownWords < rule.MinKnownWords) return false;
        // Plain loops: this runs for every rule of every kind on every message.
        foreach (var concept in rule.All)
        {
            if (!reading.Matches.ContainsKey(concept)) return false;
        }
        foreach (var concept in rule.None)
        {
            if (reading.Matches.ContainsKey(concept)) return false;
        }
        if (rule.All.Count > 1 && !InDifferentPlaces(rule.All, reading.Matches, 0, [])) return false;
        if (rule.Only.Count == 0) return true;
        // Every word must belong to one of the rule's concepts: "hello there" is a greeting, "hello, a comment…" is not.
        var covered = new bool[reading.Words.Count];
        foreach (var concept in rule.All.Concat(rule.Only))
        {
            if (!reading.Matches.TryGetValue(concept, out var found)) continue;
            foreach (var (start, length) in found)
            {
                for (var i = start; i < start + length; i++) covered[i] = true;
            }
        }
        return covered.All(c => c);
    }

    /// <summary>
    /// Whether each concept of a rule's <c>all</c> can be given a place of its own in the message: two concepts found
    /// only at the very same words are one sign, not two. "goodbye" is a farewell and a sign of alarm; alone it is a
    /// goodbye, and the rule for a farewell <em>with</em> a sign of alarm does not hold on it ("she said goodbye and
    /// left a lighter on her bed" still does). Places may overlap (a phrase and a word inside it); they may not be equal.
    /// </summary>
    private static bool InDifferentPlaces(List<string> concepts, IReadOnlyDictionary<string, List<(int Start, int Length)>> matches, int next, List<(int Start, int Length)> taken)
    {
        if (next == concepts.Count) return true;
        foreach (var place in matches[concepts[next]])
        {
            if (taken.Contains(place)) continue;
            taken.Add(place);
            var found = InDifferentPlaces(concepts, matches, next + 1, taken);
            taken.RemoveAt(taken.Count - 1);
            if (found) return true;
        }
        return false;
    }

    private static bool MatchesAt(Phrase phrase, List<ScopeAnalyzer.Word> words, int start)
    {
        if (start + phrase.Words.Length > words.Count) return false;
        for (var j = 0; j < phrase.Words.Length; j++)
        {
            if (!phrase.Words[j].Matches(words[start + j])) return false;
        }
        return true;
    }

    /// <summary>
    /// A word the content never uses, one slip away from a word of the data (six letters or more), is read as
    /// that word, when the slip is not in its first letter: people rarely mistype the letter a word starts with,
    /// and a first letter changed makes another real word ("billing" is not "killing"). Beginnings (<c>word*</c>)
    /// are not guessed at: "treated" is not a slip of "threat…". Common misspellings of a beginning are listed in
    /// the data instead.
    /// </summary>
    private ScopeAnalyzer.Word Correct(ScopeAnalyzer.Word word)
    {
        var surface = word.Surface;
        if (surface.Length < MinCorrectedLength || _known.Contains(surface) || !surface.All(char.IsAsciiLetter)) return word;
        if (_prefixes.Any(p => surface.StartsWith(p, StringComparison.Ordinal))) return word;
        // TermSpelling also pairs words two edits apart ("clarifie", "scarifie"): keep only true single slips.
        var corrected = _spelling.Correct(surface);
        return corrected != surface && corrected[0] == surface[0] && OneSlipApart(surface, corrected) ? new ScopeAnalyzer.Word(corrected, _analyzer.Stem(corrected)) : word;
    }

    /// <summary>
    /// The symbols of the data (an emoji the tokenizer would drop: "🔫", "🆘") replaced by the word each stands for
    /// in this language, so that the rules read them as words. The text is kept as it is when it has none.
    /// </summary>
    private string WithSymbolsAsWords(string text)
    {
        if (_symbols.Count == 0 || text.All(char.IsAscii)) return text;
        var builder = new System.Text.StringBuilder(text);
        foreach (var (symbol, word) in _symbols) builder.Replace(symbol, " " + word + " ");
        return builder.ToString();
    }

    /// <summary>
    /// What a word the bot does not know reads as when it is a run of known words typed without spaces, as people
    /// type on a phone in a hurry (« ilestladehorsjepeuxpasbarrerlaporte »); null when it is not. Guarded against
    /// reading a real word as others: the word itself must be unknown, at least <see cref="MinGluedLength"/> letters
    /// long, and split into at least <see cref="MinGluedPieces"/> known words (fewer would read "therapist" as "the
    /// rapist" or « désarmement » as « des arme ment »), each of two letters or more but for the language's one-letter
    /// words, with as few pieces as can be. Missing apostrophes are not guessed at: « larmes » is not « l'armes ».
    /// </summary>
    private List<ScopeAnalyzer.Word>? Unglued(string surface)
    {
        if (surface.Length is < MinGluedLength or > MaxGluedLength || _known.Contains(surface) || !surface.All(char.IsAsciiLetter)) return null;
        // pieces[i]: the fewest known words that spell surface[..i] (int.MaxValue when none do); from[i]: where the last one starts.
        var known = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        var pieces = new int[surface.Length + 1];
        var from = new int[surface.Length + 1];
        pieces[0] = 0;
        for (var end = 1; end <= surface.Length; end++)
        {
            pieces[end] = int.MaxValue;
            for (var start = Math.Max(0, end - MaxGluedPiece); start < end; start++)
            {
                if (pieces[start] == int.MaxValue) continue;
                var piece = surface.AsSpan(start, end - start);
                if (piece.Length == 1 ? !OneLetterWords(Language).Contains(piece[0]) : !known.Contains(piece)) continue;
                if (pieces[start] + 1 < pieces[end]) (pieces[end], from[end]) = (pieces[start] + 1, start);
            }
        }
        if (pieces[surface.Length] == int.MaxValue || pieces[surface.Length] < MinGluedPieces) return null;
        var words = new List<ScopeAnalyzer.Word>();
        for (var end = surface.Length; end > 0; end = from[end])
        {
            var piece = surface[from[end]..end];
            words.Add(new(piece, _analyzer.Stem(piece)));
        }
        words.Reverse();
        return words;
    }

    /// <summary>The words of one letter a run of glued words may hold.</summary>
    private static string OneLetterWords(Language language) => language == Language.Fr ? "ay" : "ai";

    /// <summary>The shortest run of letters read as glued words.</summary>
    internal const int MinGluedLength = 12;

    /// <summary>The fewest words a run of letters must split into to be read as glued words.</summary>
    internal const int MinGluedPieces = 4;

    /// <summary>
    /// The longest run of letters read as glued words, and the longest word looked for in it: the work stays bounded
    /// (a message is cut at <see cref="ScopeRecognizer.MaxChars"/>), and a longer run is read as typed.
    /// </summary>
    internal const int MaxGluedLength = 160;

    private const int MaxGluedPiece = 25;

    /// <summary>Equal, or one letter missing, added, changed, or two neighbours swapped.</summary>
    internal static bool OneSlipApart(string a, string b)
    {
        if (a == b) return true;
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length)
        {
            if (a[(i + 1)..] == b[(i + 1)..]) return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..];
        }
        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }

    private void Compile(string file, string concept, string phrase, Dictionary<string, double> frequencies)
    {
        var words = new List<PhraseWord>();
        foreach (var raw in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var how = raw.EndsWith('*') ? WordMatch.Prefix : raw.StartsWith('=') ? WordMatch.Exact : WordMatch.Stem;
            if (how != WordMatch.Stem)
            {
                var single = _analyzer.Words(raw.Trim('*', '='));
                if (single.Count != 1 || single[0].Surface.Length < 3)
                {
                    Problems.Add($"scope/{file}.json ({Language.Code()}): \"{raw}\" in concept \"{concept}\" must be one word of at least three letters with its * or =.");
                    return;
                }
                words.Add(new PhraseWord(single[0].Surface, how, single[0].Stem));
                if (how == WordMatch.Prefix) _prefixes.Add(single[0].Surface);
                _known.Add(single[0].Surface);
                continue;
            }
            foreach (var word in _analyzer.Words(raw))
            {
                words.Add(new PhraseWord(word.Stem, how, word.Stem));
                _known.Add(word.Surface);
                // A scope word is a target for spelling help even if the content never uses it (long words only).
                if (word.Surface.Length >= MinCorrectedLength) frequencies[word.Surface] = frequencies.GetValueOrDefault(word.Surface) + 1;
            }
        }
        // "a+" would read as the word "a": what is written must be what is matched.
        if (words.Count == 0 || (words.Count == 1 && words[0].Value.Length < 2 && phrase.Any(c => !char.IsLetter(c) && c != '\'')))
        {
            Problems.Add($"scope/{file}.json ({Language.Code()}): \"{phrase}\" in concept \"{concept}\" reads as no word, or as a single letter.");
            return;
        }
        var compiled = new Phrase(concept, [.. words], phrase);
        if (compiled.Words[0].IsPrefix)
        {
            _byFirstPrefix.Add(compiled);
        }
        else
        {
            if (!_byFirstStem.TryGetValue(compiled.Words[0].Stem, out var list)) _byFirstStem[compiled.Words[0].Stem] = list = [];
            list.Add(compiled);
        }
    }
}
