using BotFramework.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Util;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Words that say nothing about the topic: Lucene's French and English stop sets, plus greetings and
/// politeness. The question words staff start almost every message with ("peut-on", "should we") are
/// kept as terms unless <see cref="TopicMatcherSettings.StopQuestionWords"/> is on: the classifier learns
/// what they add ("should" leans to policy questions), but alone, like the personal words, they are not a
/// question (<see cref="Weak"/>). Stored without accents because the filter runs after accent folding.
/// </summary>
internal static class StopWords
{
    /// <summary>French articles and pronouns that elide before a vowel (l'adresse, qu'on, j'ai, jusqu'à).</summary>
    public static readonly CharArraySet FrenchElisions = new(TopicAnalyzer.Version,
        ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"], ignoreCase: true);

    /// <summary>Greetings, thanks and conversational filler in French.</summary>
    private static readonly string[] FrenchChat =
    [
        "bonjour", "bonsoir", "salut", "allo", "allô", "coucou", "merci", "svp", "stp", "please", "hello", "hi",
        "oui", "non", "ok", "okay", "ben", "bon", "alors", "donc", "voilà", "voila", "hein", "question", "questions",
    ];

    /// <summary>Question words and light verbs that open most French questions.</summary>
    private static readonly string[] FrenchQuestionWords =
    [
        "comment", "quoi", "pourquoi", "quand", "où", "ça", "ca", "faire", "fait", "fais", "peut", "peux", "peuvent",
        "pouvons", "pouvez", "puis", "doit", "dois", "doivent", "devons", "devez", "devrait", "devrais", "devrions",
        "faut", "est-ce", "si", "aussi", "très", "quelqu'un", "quelqu", "quelque", "chose",
    ];

    /// <summary>
    /// "my" / "our" and "mon" / "notre" are kept as terms when <see cref="TopicMatcherSettings.StopPersonalWords"/>
    /// is off: they tell a staff member's own account from the organisation's page.
    /// </summary>
    private static readonly string[] FrenchPersonalWords =
    [
        "je", "j", "moi", "me", "m", "mon", "ma", "mes", "nous", "notre", "nos",
    ];

    private static readonly string[] EnglishPersonalWords =
    [
        "i", "me", "my", "mine", "we", "us", "our", "ours",
    ];

    /// <summary>English function words beyond Lucene's short default list.</summary>
    private static readonly string[] EnglishFunctionWords =
    [
        "you", "your", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "what", "which",
        "who", "whom", "whose", "when", "where", "why", "how", "do", "does", "did", "done", "doing", "am", "is", "are",
        "was", "were", "been", "being", "have", "has", "had", "having", "can", "could", "should", "would", "shall",
        "may", "might", "must", "will", "there", "here", "about", "from", "so", "just", "i'm", "i've", "i'd", "i'll",
        "we're", "we've", "we'd", "we'll", "you're", "it's", "that's", "what's", "there's", "don't", "doesn't",
        "didn't", "can't", "cannot", "won't", "isn't", "aren't", "shouldn't", "wouldn't", "couldn't", "let's", "im",
        "dont", "cant", "someone", "somebody", "anyone", "anybody", "something", "anything", "okay", "ok",
    ];

    /// <summary>Greetings, thanks and conversational filler in English.</summary>
    private static readonly string[] EnglishChat =
    [
        "hi", "hello", "hey", "hiya", "thanks", "thank", "thx", "please", "pls", "plz", "yes", "no", "yeah", "well",
        "bonjour", "salut", "merci", "question", "questions",
    ];

    /// <summary>The words kept as terms that say nothing on their own: personal words, and question words unless they are stopped.</summary>
    public static IEnumerable<string> Weak(Language language) => language == Language.Fr
        ? FrenchPersonalWords.Concat(FrenchQuestionWords)
        : EnglishPersonalWords.Concat(EnglishFunctionWords);

    public static CharArraySet For(Language language, TopicMatcherSettings settings)
    {
        var set = new CharArraySet(TopicAnalyzer.Version, 400, ignoreCase: false);
        if (language == Language.Fr)
        {
            var lucene = FrenchAnalyzer.DefaultStopSet.Cast<object>().Select(Text);
            AddFolded(set, settings.StopPersonalWords ? lucene : lucene.Except(FrenchPersonalWords, StringComparer.Ordinal));
            if (settings.ExtendedStopWords) AddFolded(set, FrenchChat);
            if (settings.StopQuestionWords) AddFolded(set, FrenchQuestionWords);
        }
        else
        {
            AddFolded(set, EnglishAnalyzer.DefaultStopSet.Cast<object>().Select(Text));
            if (settings.ExtendedStopWords) AddFolded(set, EnglishChat);
            if (settings.StopQuestionWords) AddFolded(set, EnglishFunctionWords);
            if (settings.StopPersonalWords) AddFolded(set, EnglishPersonalWords);
        }
        return set.AsReadOnly();
    }

    private static void AddFolded(CharArraySet set, IEnumerable<string> words)
    {
        foreach (var word in words) set.Add(Fold(word));
    }

    /// <summary>Lucene's stop sets enumerate their words as char arrays.</summary>
    private static string Text(object word) => word is char[] chars ? new string(chars) : word.ToString() ?? "";

    /// <summary>Lower case without accents ("où" → "ou"), the form the filter sees after folding.</summary>
    internal static string Fold(string word) => TextNormalizer.Normalize(word, TextFolding.Case | TextFolding.Accents);
}
