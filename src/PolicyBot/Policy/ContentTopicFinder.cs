using System.Globalization;
using System.Text;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// A small stand-in for the free-text matcher: a topic id or title (in either language, ignoring case
/// and accents) is an exact answer; otherwise the topics whose titles, summaries and examples share
/// the most words with the text (compared by their first letters, a crude stem) are offered.
/// </summary>
public sealed class ContentTopicFinder : ITopicFinder
{
    private const int MaxResults = 5;
    private const int StemLength = 5;
    private const double TitleWeight = 3;
    private const double TextWeight = 1;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // French
        "les", "des", "une", "que", "qui", "quoi", "est", "pour", "par", "sur", "dans", "avec", "pas", "plus", "notre", "nos", "votre", "vos",
        "leur", "leurs", "son", "ses", "mon", "mes", "elle", "elles", "ils", "nous", "vous", "faire", "fait", "comment", "quand", "est-ce",
        "cette", "ces", "cet", "aux", "ont", "sont", "peut", "peux", "dois", "doit", "faut", "mais", "tout", "tous", "toutes", "quel", "quelle",
        // English
        "the", "and", "for", "with", "our", "your", "their", "what", "when", "how", "can", "should", "does", "did", "who", "about", "from",
        "this", "that", "these", "those", "are", "was", "were", "has", "have", "had", "not", "but", "all", "any", "into", "out", "its",
    };

    private readonly ContentLibrary _content;
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, Language Language), Dictionary<string, double>> _words = [];

    public ContentTopicFinder(ContentLibrary content)
    {
        _content = content;
        foreach (var topic in content.Topics)
        {
            _exact[Normalize(topic.Id)] = topic.Id;
            _exact[Normalize(topic.Id.Replace('-', ' '))] = topic.Id;
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                var text = topic.Text(language);
                _exact.TryAdd(Normalize(text.Title), topic.Id);
                var words = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var sentence in new[] { text.Summary }.Concat(text.Examples).Concat(text.DoNow))
                {
                    foreach (var word in Words(sentence)) words[word] = Math.Max(words.GetValueOrDefault(word), TextWeight);
                }
                foreach (var word in Words(text.Title)) words[word] = TitleWeight;
                _words[(topic.Id, language)] = words;
            }
        }
    }

    public TopicFinding Find(string text, Language language)
    {
        var normalized = Normalize(text ?? "");
        if (normalized.Length == 0) return new TopicFinding(language, [], false);
        if (_exact.TryGetValue(normalized, out var exact)) return new TopicFinding(LanguageOfTitle(exact, normalized, language), [exact], true);

        var query = Words(text!).Distinct().ToList();
        TopicFinding? best = null;
        var bestScore = 0.0;
        foreach (var candidate in new[] { language, language.Other() })
        {
            var ranked = _content.Topics
                .Select(t => (t.Id, Score: query.Sum(q => Weight(_words[(t.Id, candidate)], q))))
                .Where(r => r.Score > 0)
                .OrderByDescending(r => r.Score)
                .Take(MaxResults)
                .ToList();
            if (ranked.Count == 0 || ranked[0].Score <= bestScore) continue;
            bestScore = ranked[0].Score;
            var confident = ranked.Count == 1 || ranked[0].Score >= 1.5 * ranked[1].Score;
            best = new TopicFinding(candidate, [.. ranked.Select(r => r.Id)], confident);
        }
        return best ?? new TopicFinding(language, [], false);
    }

    private Language LanguageOfTitle(string topicId, string normalized, Language fallback)
    {
        var topic = _content.Topic(topicId);
        if (Normalize(topic.Fr.Title) == normalized && Normalize(topic.En.Title) != normalized) return Language.Fr;
        if (Normalize(topic.En.Title) == normalized && Normalize(topic.Fr.Title) != normalized) return Language.En;
        return fallback;
    }

    private static double Weight(Dictionary<string, double> words, string word)
    {
        if (words.TryGetValue(word, out var exact)) return exact;
        if (word.Length < StemLength) return 0;
        var stem = word[..StemLength];
        var found = 0.0;
        foreach (var (candidate, weight) in words)
        {
            if (candidate.Length >= StemLength && candidate.StartsWith(stem, StringComparison.Ordinal) && weight > found) found = weight;
        }
        return found * 0.8;
    }

    private static IEnumerable<string> Words(string text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3 && !StopWords.Contains(w));

    /// <summary>Lower case, no accents, elisions and punctuation as spaces, single spaces.</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) || c == '-' ? c : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
