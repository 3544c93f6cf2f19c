namespace PolicyBot.Matching;

/// <summary>
/// How a message becomes features: folded into a stack buffer, cut into words, stems, stem pairs and four-letter
/// pieces, each hashed into the weight table (see the class summary).
/// </summary>
public sealed partial class CrisisClassifier
{
    /// <summary>The hashed features of one text, with the feature groups or not (training only: it allocates).</summary>
    internal static int[] FeatureList(string text, bool groups)
    {
        var clipped = text.Length > ScopeRecognizer.MaxChars ? text[..ScopeRecognizer.MaxChars] : text;
        var folded = new char[clipped.Length + 1];
        var length = FoldInto(clipped, folded);
        var collector = new Collector([]);
        Features(folded.AsSpan(0, length), groups, ref collector);
        return [.. collector.Found];
    }

    private interface IFeatureVisitor
    {
        void Visit(int feature);
    }

    private struct Summer(Weights weights) : IFeatureVisitor
    {
        public double Total;

        public void Visit(int feature) => Total += weights[feature];
    }

    private readonly struct Collector(List<int> found) : IFeatureVisitor
    {
        public List<int> Found { get; } = found;

        public void Visit(int feature) => Found.Add(feature);
    }

    /// <summary>
    /// Produces the features of folded text: words are runs of letters and digits separated by spaces, a
    /// <c>.</c> ends a sentence (word pairs do not cross it); then, <paramref name="withGroups"/>, the groups its
    /// words and word pairs belong to (<see cref="GroupFeatures"/>).
    /// </summary>
    private static void Features<T>(ReadOnlySpan<char> folded, bool withGroups, ref T visitor) where T : struct, IFeatureVisitor
    {
        uint previousStem = 0;
        var hasPrevious = false;
        var previousStart = 0;
        var groups = Group.None;
        // The current word with a boundary mark at each end: "^tue$" gives "^tue" and "tue$".
        Span<char> padded = stackalloc char[folded.Length + 2];
        var i = 0;
        while (i < folded.Length)
        {
            if (folded[i] is ' ' or '.')
            {
                if (folded[i] == '.') hasPrevious = false;
                i++;
                continue;
            }
            var start = i;
            while (i < folded.Length && folded[i] is not (' ' or '.')) i++;
            var word = folded[start..i];
            visitor.Visit(Index(Hash(word, SeedWord)));
            if (withGroups)
            {
                groups |= GroupOf(word);
                if (hasPrevious) groups |= GroupOf(folded[previousStart..i]);
                previousStart = start;
            }
            var stem = Hash(word.Length > StemLength ? word[..StemLength] : word, SeedStem);
            if (word.Length > StemLength) visitor.Visit(Index(stem));
            if (hasPrevious) visitor.Visit(Index(Mix(previousStem * 31 + stem, SeedPair)));
            previousStem = stem;
            hasPrevious = true;
            if (word.Length >= GramLength - 1)
            {
                padded[0] = '^';
                word.CopyTo(padded[1..]);
                padded[word.Length + 1] = '$';
                for (var g = 0; g + GramLength <= word.Length + 2; g++) visitor.Visit(Index(Hash(padded.Slice(g, GramLength), SeedGram)));
            }
        }
        GroupFeatures(groups, ref visitor);
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="into"/>: letters and digits lower case without accents,
    /// a letter repeated in a row kept once, sentence ends (. ! ? ; and line breaks) as <c>.</c>, anything else as
    /// one space. Returns the length written.
    /// </summary>
    private static int FoldInto(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        foreach (var c in text)
        {
            var f = c < Fold.Length ? Fold[c] : (char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ');
            if (f == ' ')
            {
                if (n > 0 && into[n - 1] is not (' ' or '.')) into[n++] = ' ';
                continue;
            }
            if (f == '.')
            {
                if (n > 0 && into[n - 1] == ' ') n--;
                if (n > 0 && into[n - 1] != '.') into[n++] = '.';
                continue;
            }
            if (n > 0 && into[n - 1] == f && char.IsAsciiLetter(f)) continue;
            into[n++] = f;
        }
        if (n > 0 && into[n - 1] is ' ' or '.') n--;
        return n;
    }

    private static char[] BuildFold()
    {
        var fold = new char[0x250];
        for (var c = 0; c < fold.Length; c++)
        {
            var ch = (char)c;
            if (ch is '.' or '!' or '?' or ';' or '\n' or '\r')
            {
                fold[c] = '.';
                continue;
            }
            if (char.IsAsciiDigit(ch))
            {
                fold[c] = ch;
                continue;
            }
            if (!char.IsLetter(ch))
            {
                fold[c] = ' ';
                continue;
            }
            var bare = ch.ToString().Normalize(System.Text.NormalizationForm.FormD)[0];
            var lower = char.ToLowerInvariant(bare);
            fold[c] = lower switch
            {
                'æ' => 'a',
                'œ' => 'o',
                'ø' => 'o',
                'ß' => 's',
                _ => char.IsAsciiLetter(lower) ? lower : ' ',
            };
        }
        return fold;
    }

    private static uint Hash(ReadOnlySpan<char> chars, uint seed)
    {
        var h = 2166136261u ^ seed;
        foreach (var c in chars)
        {
            h ^= c;
            h *= 16777619u;
        }
        return Mix(h, seed);
    }

    private static uint Mix(uint h, uint seed)
    {
        h ^= seed;
        h ^= h >> 16;
        h *= 0x7FEB352D;
        h ^= h >> 15;
        h *= 0x846CA68B;
        h ^= h >> 16;
        return h;
    }

    private static int Index(uint hash) => (int)(hash & TableMask);
}
