using System.Collections.Concurrent;

namespace BotFramework.State;

/// <summary>
/// Per instance: the last version of each state document this instance read or wrote, with its ETag, so a
/// turn can skip reading a document this instance already knows. It is a guess, never the truth: every
/// document a turn takes from here is checked against storage (see <see cref="BotState.UseInstanceCache"/>) —
/// by the turn's own conditional write, or, for a state that a commit point vouches for, by the ETag the
/// conversation's last turn recorded. A stale guess costs a 412 and a re-run of the turn, never a lost write.
/// Bounded in size and in age; a deleted or conflicting document is dropped at once.
/// With <see cref="GuessesUnseenAreNew"/>, it also remembers (as bits of a fixed table, never the keys) which documents
/// this instance has ever met, so a document it never met can be taken as new without reading it (see there).
/// </summary>
public sealed class StateCache
{
    /// <summary>
    /// How many documents are kept by default: about 1 KB each for PolicyBot's documents, so about 1 MB. A document
    /// only helps while its conversation goes on (<see cref="DefaultMaxAge"/>), and one organisation's staff rarely
    /// keep a thousand conversations going within two minutes; past that, the oldest copies go and their next turn
    /// reads its document, as without the cache. 10,000 took 8 to 9 MB of a host's peak memory under the load
    /// (benchmarks/README.md, "A smaller state cache").
    /// </summary>
    public const int DefaultCapacity = 1_000;

    /// <summary>How long a document is kept without being read or written again, by default.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromMinutes(2);

    /// <summary>Bits of the table of documents met (2^20: 128 KB), when <see cref="GuessesUnseenAreNew"/>.</summary>
    private const int MetBits = 1 << 20;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _trimming = new();
    private readonly long[]? _met;

    /// <param name="guessUnseenAreNew">See <see cref="GuessesUnseenAreNew"/>.</param>
    public StateCache(int capacity = DefaultCapacity, TimeSpan? maxAge = null, TimeProvider? timeProvider = null, bool guessUnseenAreNew = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        MaxAge = maxAge ?? DefaultMaxAge;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxAge, TimeSpan.Zero, nameof(maxAge));
        _time = timeProvider ?? TimeProvider.System;
        if (guessUnseenAreNew) _met = new long[MetBits / 64];
    }

    public int Capacity { get; }

    /// <summary>
    /// A document this instance never met (never read, written, found changed or deleted here) is taken as new: the
    /// turn starts from an empty copy instead of reading it, and that copy is checked like any other copy from here,
    /// by the turn's create-only write (a document stored meanwhile, by another instance or before this one started,
    /// fails it: the turn runs again on the stored document, which this instance has then met) and before any effect.
    /// A new conversation's first turn then makes one storage call instead of two, and its missing document costs no
    /// failed read; a returning user's first turn on an instance that never met her pays one failed write and a
    /// second run. What is remembered is a bit per hash of the key (a key is never kept), so two keys can share a
    /// bit: a document then counts as met and is read, as without this option — never the other way round.
    /// </summary>
    public bool GuessesUnseenAreNew => _met is not null;

    /// <summary>
    /// A document older than this is not used: the bound on how long a change made on another instance, in
    /// another conversation, can go unseen by a turn that only reads a vouched-for document.
    /// </summary>
    public TimeSpan MaxAge { get; }

    public int Count => _entries.Count;

    /// <summary>
    /// A document as stored: its properties as JSON (reserved properties apart), when it was last written, the
    /// ETag it has, and when this instance last learnt that.
    /// </summary>
    public sealed record Entry(byte[] Content, DateTimeOffset? TouchedAt, IReadOnlyList<string>? Vouched, string ETag, DateTimeOffset KnownAt);

    /// <summary>The document of <paramref name="key"/> if this instance knows it and learnt it less than <see cref="MaxAge"/> ago.</summary>
    public bool TryGet(string key, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!))
        {
            if (_time.GetUtcNow() - entry.KnownAt < MaxAge) return true;
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
        entry = null!;
        return false;
    }

    /// <summary>Remembers what storage holds under <paramref name="key"/> now (just read, or just written).</summary>
    public void Set(string key, byte[] content, DateTimeOffset? touchedAt, IReadOnlyList<string>? vouched, string etag)
    {
        Meet(key);
        _entries[key] = new Entry(content, touchedAt, vouched, etag, _time.GetUtcNow());
        if (_entries.Count > Capacity) Trim();
    }

    /// <summary>Forgets <paramref name="key"/>: it was deleted, found missing, or a write found it changed (it counts as met: it is read next time).</summary>
    public void Remove(string key)
    {
        Meet(key);
        _entries.TryRemove(key, out _);
    }

    /// <summary>
    /// Whether a turn may take <paramref name="key"/>'s document as new without reading it: <see cref="GuessesUnseenAreNew"/>
    /// is on and this instance never met the key.
    /// </summary>
    public bool MayGuessNew(string key)
    {
        if (_met is null) return false;
        var (word, bit) = MetBit(key);
        return (Volatile.Read(ref _met[word]) & bit) == 0;
    }

    private void Meet(string key)
    {
        if (_met is null) return;
        var (word, bit) = MetBit(key);
        if ((Volatile.Read(ref _met[word]) & bit) == 0) Interlocked.Or(ref _met[word], bit);
    }

    private static (int Word, long Bit) MetBit(string key)
    {
        var index = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % MetBits);
        return (index >> 6, 1L << (index & 63));
    }

    /// <summary>Drops what is too old, then the oldest tenth if still over capacity.</summary>
    private void Trim()
    {
        if (!_trimming.TryEnter()) return; // another caller is trimming
        try
        {
            var now = _time.GetUtcNow();
            foreach (var (key, entry) in _entries)
            {
                if (now - entry.KnownAt >= MaxAge) _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
            var excess = _entries.Count - Capacity * 9 / 10;
            if (excess <= 0) return;
            // ToArray is the dictionary's own snapshot, taken under its locks; sorting the live dictionary copies it
            // after reading its count, and throws when another turn adds a document in between.
            foreach (var (key, entry) in _entries.ToArray().OrderBy(e => e.Value.KnownAt).Take(excess))
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
        finally
        {
            _trimming.Exit();
        }
    }
}
