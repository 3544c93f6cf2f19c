namespace PolicyBot.Matching;

/// <summary>
/// Puts right a question's word that the content never uses but that is one slip away from one it does:
/// a letter missing, added, changed or two letters swapped ("harasment", "commentiare", "frend"). Works on
/// words as the analyzer sees them before stemming (lower case, folded), so a corrected word is stemmed and
/// joins its synonym group like any other. Built from the content's own words: each one and every way of dropping one
/// of its letters point back to it (when several words share a form, the most used one wins), and a typed
/// word is looked up the same way. Short words are left alone: at four letters and under, one slip makes
/// another real word.
/// </summary>
internal sealed class TermSpelling
{
    private const int MinLength = 5;

    private readonly HashSet<string> _known;
    private readonly Dictionary<string, (string Term, double Frequency)> _forms = new(StringComparer.Ordinal);

    public TermSpelling(IReadOnlyDictionary<string, double> frequencies)
    {
        _known = new HashSet<string>(frequencies.Keys, StringComparer.Ordinal);
        foreach (var (term, frequency) in frequencies)
        {
            if (term.Length < MinLength - 1 || !term.All(char.IsAsciiLetter)) continue;
            foreach (var form in Deletions(term).Prepend(term)) Keep(form, term, frequency);
        }
    }

    /// <summary>The known term <paramref name="term"/> was most likely meant to be, or the term itself.</summary>
    public string Correct(string term)
    {
        if (term.Length < MinLength || _known.Contains(term) || !term.All(char.IsAsciiLetter)) return term;
        (string Term, double Frequency)? best = null;
        foreach (var form in Deletions(term).Prepend(term))
        {
            if (_forms.TryGetValue(form, out var candidate) && (best is null || IsBetter(candidate, best.Value))) best = candidate;
        }
        return best?.Term ?? term;
    }

    private void Keep(string form, string term, double frequency)
    {
        if (!_forms.TryGetValue(form, out var current) || IsBetter((term, frequency), current)) _forms[form] = (term, frequency);
    }

    private static bool IsBetter((string Term, double Frequency) a, (string Term, double Frequency) b) =>
        a.Frequency > b.Frequency || (a.Frequency == b.Frequency && string.CompareOrdinal(a.Term, b.Term) < 0);

    private static IEnumerable<string> Deletions(string term)
    {
        for (var i = 0; i < term.Length; i++) yield return term.Remove(i, 1);
    }
}
