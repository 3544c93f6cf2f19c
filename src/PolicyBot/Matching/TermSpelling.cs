using System.Numerics;

namespace PolicyBot.Matching;

/// <summary>
/// Puts right a question's word that the content never uses but that is one slip away from one it does:
/// a letter missing, added, changed or two letters swapped ("harasment", "commentiare", "frend"). Works on
/// words as the analyzer sees them before stemming (lower case, folded), so a corrected word is stemmed and
/// joins its synonym group like any other. Built from the content's own words: each one and every way of dropping one
/// of its letters point back to it (when several words share a form, the most used one wins), and a typed
/// word is looked up the same way. Short words are left alone: at four letters and under, one slip makes
/// another real word.
/// <para>
/// A form is not kept as a string of its own: the table holds, for each distinct form, the word it points back to
/// and which letter of it was dropped (tens of thousands of forms, 8 bytes each, instead of a string and a
/// dictionary entry each), and a typed word's forms are compared with it letter by letter, never built.
/// </para>
/// </summary>
internal sealed class TermSpelling
{
    private const int MinLength = 5;

    /// <summary>A slot's <see cref="Slot.Dropped"/> for the word itself (no letter dropped).</summary>
    private const int Whole = -1;

    private readonly string[] _terms;

    /// <summary>The terms' indices in ordinal order of the terms, to tell a known word by binary search.</summary>
    private readonly int[] _byText;
    private readonly double[] _frequencies;

    /// <summary>Open addressing, a power of two long; a slot with <see cref="Slot.Term"/> −1 is empty.</summary>
    private readonly Slot[] _slots;

    public TermSpelling(IReadOnlyDictionary<string, double> frequencies)
    {
        var terms = new List<string>();
        var weights = new List<double>();
        var forms = 0;
        foreach (var (term, frequency) in frequencies)
        {
            if (term.Length < MinLength - 1 || !term.All(char.IsAsciiLetter)) continue;
            terms.Add(term);
            weights.Add(frequency);
            forms += term.Length + 1;
        }
        _terms = [.. terms];
        _frequencies = [.. weights];
        _byText = [.. Enumerable.Range(0, _terms.Length).Order(Comparer<int>.Create((a, b) => string.CompareOrdinal(_terms[a], _terms[b])))];
        // At most three quarters full, so a probe for a form the table does not hold ends soon.
        _slots = new Slot[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)(forms + forms / 3 + 1)))];
        Array.Fill(_slots, new Slot(-1, Whole));
        for (var t = 0; t < _terms.Length; t++)
        {
            Keep(t, Whole);
            for (var i = 0; i < _terms[t].Length; i++) Keep(t, i);
        }
    }

    /// <summary>The known term <paramref name="term"/> was most likely meant to be, or the term itself.</summary>
    public string Correct(string term)
    {
        // Every known word of five or more ASCII letters is a term; any other word is left as typed either way.
        if (term.Length < MinLength || !term.All(char.IsAsciiLetter) || IsKnown(term)) return term;
        var best = -1;
        for (var dropped = Whole; dropped < term.Length; dropped++)
        {
            var slot = Find(term, dropped);
            if (slot >= 0 && (best < 0 || IsBetter(_slots[slot].Term, best))) best = _slots[slot].Term;
        }
        return best < 0 ? term : _terms[best];
    }

    /// <summary>Whether <paramref name="word"/> is one of the terms (binary search over them in ordinal order).</summary>
    private bool IsKnown(string word)
    {
        int low = 0, high = _byText.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_terms[_byText[middle]], word);
            if (order == 0) return true;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return false;
    }

    /// <summary>Points the form of term <paramref name="t"/> without its letter <paramref name="dropped"/> at it, unless a better word has it.</summary>
    private void Keep(int t, int dropped)
    {
        var word = _terms[t];
        var mask = _slots.Length - 1;
        for (var i = (int)Hash(word, dropped) & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Term < 0)
            {
                slot = new Slot(t, dropped);
                return;
            }
            if (!SameForm(word, dropped, _terms[slot.Term], slot.Dropped)) continue;
            if (IsBetter(t, slot.Term)) slot = new Slot(t, dropped);
            return;
        }
    }

    /// <summary>The slot holding the form of <paramref name="word"/> without its letter <paramref name="dropped"/>, or −1.</summary>
    private int Find(string word, int dropped)
    {
        var mask = _slots.Length - 1;
        for (var i = (int)Hash(word, dropped) & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot.Term < 0) return -1;
            if (SameForm(word, dropped, _terms[slot.Term], slot.Dropped)) return i;
        }
    }

    /// <summary>When several words share a form: the most used, then the first in ordinal order.</summary>
    private bool IsBetter(int a, int b) =>
        _frequencies[a] > _frequencies[b] || (_frequencies[a] == _frequencies[b] && string.CompareOrdinal(_terms[a], _terms[b]) < 0);

    /// <summary>Whether <paramref name="a"/> without its letter <paramref name="droppedA"/> reads as <paramref name="b"/> without its letter <paramref name="droppedB"/>.</summary>
    private static bool SameForm(string a, int droppedA, string b, int droppedB)
    {
        var length = a.Length - (droppedA == Whole ? 0 : 1);
        if (length != b.Length - (droppedB == Whole ? 0 : 1)) return false;
        for (var k = 0; k < length; k++)
        {
            if (At(a, droppedA, k) != At(b, droppedB, k)) return false;
        }
        return true;
    }

    /// <summary>Letter <paramref name="k"/> of <paramref name="word"/> without its letter <paramref name="dropped"/>.</summary>
    private static char At(string word, int dropped, int k) => dropped == Whole || k < dropped ? word[k] : word[k + 1];

    /// <summary>FNV-1a of the form's letters, then mixed: the same for the same form whichever word it comes from.</summary>
    private static uint Hash(string word, int dropped)
    {
        var h = 2166136261u;
        for (var k = 0; k < word.Length; k++)
        {
            if (k == dropped) continue;
            h = (h ^ word[k]) * 16777619u;
        }
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }

    /// <summary>One distinct form: the word it points back to (an index into the terms) and the letter of it dropped.</summary>
    private readonly record struct Slot(int Term, int Dropped);
}
