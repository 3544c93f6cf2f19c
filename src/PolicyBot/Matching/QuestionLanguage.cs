using System.Text.RegularExpressions;
using BotFramework.Text;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Which language a question is written in, from its function words ("le", "pour", "qu'" versus
/// "the", "should", "what's") and accents. The user's language setting is the default: it wins ties
/// and decides short or neutral text ("DM?", "Messenger", "troll").
/// </summary>
public static partial class QuestionLanguage
{
    // Words frequent in one language and rare in the other. Deliberately left out because both
    // languages use them: a, on, en, an, me, son, plus, as, car, comment, brand names.
    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "des", "du", "un", "une", "au", "aux", "de", "et", "est", "sont", "ou", "où", "mais", "donc",
        "je", "tu", "il", "elle", "elles", "ils", "nous", "vous", "leur", "leurs", "lui", "moi", "toi", "ça", "cela",
        "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ta", "tes", "sa", "ses", "notre", "nos", "votre", "vos",
        "que", "qui", "quoi", "quel", "quelle", "quels", "quelles", "pourquoi", "quand", "dans", "avec",
        "sans", "sur", "sous", "chez", "par", "pas", "ne", "très", "aussi", "peut", "peux", "faut", "doit", "dois",
        "fait", "faire", "ai", "avons", "avez", "ont", "être", "été", "était", "quelqu'un", "aujourd'hui", "est-ce",
        "peut-on", "doit-on", "faut-il", "c'est", "j'ai", "qu'on", "parce", "depuis", "encore", "déjà", "tout", "tous",
        "toute", "toutes", "après", "avant", "entre", "lorsque", "puis", "si", "y", "ni", "bonjour", "merci", "oui",
        "non",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "are", "was", "were", "be", "been", "to", "of", "in", "for", "with", "at", "by", "from",
        "about", "into", "do", "does", "did", "have", "has", "had", "we", "i", "you", "he", "she", "it", "they", "them",
        "our", "my", "your", "her", "his", "its", "their", "us", "that", "this", "these", "those", "what", "which",
        "who", "when", "where", "why", "how", "can", "could", "should", "would", "will", "shall", "may", "might",
        "must", "not", "no", "yes", "if", "there", "here", "someone", "anyone", "something", "any", "some", "all",
        "just", "also", "then", "than", "so", "up", "out", "off", "get", "got", "want", "need", "keep",
        "i'm", "it's", "what's", "there's", "don't", "doesn't", "can't", "we're", "i've", "we've", "isn't", "she's",
        "hi", "hello", "hey", "thanks", "please",
    };

    [GeneratedRegex(@"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’][\p{L}]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FrenchElision();

    [GeneratedRegex(@"\p{L}['’](?:s|t|re|ve|ll|m|d)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EnglishContraction();

    /// <summary>The language to search <paramref name="text"/> in; <paramref name="userLanguage"/> unless the words clearly say otherwise.</summary>
    public static Language Detect(string text, Language userLanguage) => Detect(Evidence(text), userLanguage);

    internal static Language Detect((int French, int English, int Words) evidence, Language userLanguage)
    {
        var (french, english, words) = evidence;
        var user = userLanguage == Language.Fr ? french : english;
        var other = userLanguage == Language.Fr ? english : french;
        // Very short text ("DM", "photo résidente") says too little to go against the user's setting.
        if (words < 2) return userLanguage;
        return other - user >= 2 || (other - user >= 1 && user == 0 && words >= 3) ? userLanguage.Other() : userLanguage;
    }

    /// <summary>True when the text has two words or more and not one of them is evidence for <paramref name="language"/>.</summary>
    internal static bool HasNoWordOf((int French, int English, int Words) evidence, Language language) =>
        evidence.Words >= 2 && (language == Language.Fr ? evidence.French : evidence.English) == 0;

    /// <summary>Points for French and for English, and the number of words.</summary>
    internal static (int French, int English, int Words) Evidence(string text)
    {
        int french = 0, english = 0, words = 0;
        foreach (Match match in Words().Matches(text))
        {
            words++;
            var word = TextNormalizer.Normalize(match.Value, TextFolding.Apostrophes | TextFolding.Case);
            if (French.Contains(word)) french++;
            else if (English.Contains(word)) english++;
            else if (FrenchElision().IsMatch(word)) french++;
            else if (EnglishContraction().IsMatch(word)) english++;
            if (HasFrenchAccent(word)) french++;
        }
        return (french, english, words);
    }

    private static bool HasFrenchAccent(string word)
    {
        foreach (var c in word)
        {
            if ("éèêëàâîïôûùüçœ".Contains(c)) return true;
        }
        return false;
    }
}
