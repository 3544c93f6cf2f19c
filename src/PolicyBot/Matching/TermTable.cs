namespace PolicyBot.Matching;

/// <summary>
/// A fixed set of strings (terms, pairs of terms, classifier features) kept as one sorted array of 64-bit hashes
/// instead of the strings themselves: <see cref="IndexOf(string)"/> gives each string's place, the same for the
/// life of the table, so the owner keeps what it knows of a string in arrays at that place. Built once from the
/// strings; two of them with the same hash stop the build (<see cref="InvalidDataException"/>), so every string the
/// table holds is told apart from every other one exactly as a dictionary would. A string it does not hold could
/// share a hash with one it does only by a chance of about one in 2^64 divided by its size; such a string would read
/// as the one held. Read-only after construction, so safe to share between threads.
/// </summary>
/// <remarks>
/// Why: the topic indexes' vocabularies and the topic classifier's features are tens of thousands of short strings
/// per language, each also a dictionary entry; as hashes they take about a tenth of the memory, with the same
/// answers (the routing figures do not move).
/// </remarks>
internal sealed class TermTable
{
    private readonly ulong[] _hashes;
    private readonly Func<string, ulong> _hash;

    /// <summary>Builds the table over <paramref name="strings"/> (duplicates count once).</summary>
    /// <param name="places">For each string given, in order, its place in the table.</param>
    public TermTable(IReadOnlyList<string> strings, out int[] places)
        : this(strings, out places, static s => Hash(s))
    {
    }

    /// <summary>A table with another hash (tests: what two strings with one hash do to the build).</summary>
    internal TermTable(IReadOnlyList<string> strings, out int[] places, Func<string, ulong> hash)
    {
        ArgumentNullException.ThrowIfNull(strings);
        _hash = hash;
        var hashed = new (ulong Hash, int Given)[strings.Count];
        for (var i = 0; i < strings.Count; i++) hashed[i] = (hash(strings[i]), i);
        Array.Sort(hashed, (x, y) => x.Hash.CompareTo(y.Hash));
        var hashes = new List<ulong>(hashed.Length);
        places = new int[strings.Count];
        for (var i = 0; i < hashed.Length; i++)
        {
            var (value, given) = hashed[i];
            if (hashes.Count > 0 && hashes[^1] == value)
            {
                var first = strings[hashed[i - 1].Given];
                if (!string.Equals(first, strings[given], StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"Two terms share one hash: \"{first}\" and \"{strings[given]}\"; change {nameof(TermTable)}.{nameof(Hash)}.");
                }
            }
            else
            {
                hashes.Add(value);
            }
            places[given] = hashes.Count - 1;
        }
        _hashes = [.. hashes];
    }

    /// <summary>How many distinct strings the table holds.</summary>
    public int Count => _hashes.Length;

    /// <summary>The place of <paramref name="text"/> in the table, or -1 when the table does not hold it.</summary>
    public int IndexOf(string text)
    {
        var place = Array.BinarySearch(_hashes, _hash(text));
        return place < 0 ? -1 : place;
    }

    /// <summary>Whether the table holds <paramref name="text"/>.</summary>
    public bool Contains(string text) => IndexOf(text) >= 0;

    /// <summary>
    /// FNV-1a over the UTF-16 code units, then a 64-bit finaliser that spreads every input bit over the whole hash:
    /// fixed, so the same string hashes the same in every process.
    /// </summary>
    internal static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
