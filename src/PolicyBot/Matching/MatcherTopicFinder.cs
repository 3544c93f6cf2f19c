using BotFramework.Text;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Finds topics for free text, <c>post &lt;topic or words&gt;</c> and the message-extension search: a topic
/// id or title (either language, ignoring case and accents) is an exact answer; anything else goes to the
/// <see cref="TopicMatcher"/>.
/// </summary>
public sealed class MatcherTopicFinder : ITopicFinder
{
    private readonly ContentLibrary _content;
    private readonly TopicMatcher _matcher;
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);

    public MatcherTopicFinder(ContentLibrary content, TopicMatcher matcher)
    {
        _content = content;
        _matcher = matcher;
        foreach (var topic in content.Topics)
        {
            _exact[Normalize(topic.Id)] = topic.Id;
            _exact[Normalize(topic.Id.Replace('-', ' '))] = topic.Id;
            _exact.TryAdd(Normalize(topic.Fr.Title), topic.Id);
            _exact.TryAdd(Normalize(topic.En.Title), topic.Id);
        }
    }

    public TopicFinding Find(string text, Language language)
    {
        var normalized = Normalize(text ?? "");
        if (normalized.Length == 0) return new TopicFinding(language, [], false);
        if (_exact.TryGetValue(normalized, out var exact)) return new TopicFinding(LanguageOfTitle(exact, normalized, language), [exact], true);

        var match = _matcher.Match(text!, language);
        return match.Confidence == MatchConfidence.None
            ? new TopicFinding(match.Language, [], false)
            : new TopicFinding(match.Language, [.. match.Ranked.Select(r => r.TopicId)], match.Confidence == MatchConfidence.Confident, match.Offered);
    }

    private Language LanguageOfTitle(string topicId, string normalized, Language fallback)
    {
        var topic = _content.Topic(topicId);
        if (Normalize(topic.Fr.Title) == normalized && Normalize(topic.En.Title) != normalized) return Language.Fr;
        if (Normalize(topic.En.Title) == normalized && Normalize(topic.Fr.Title) != normalized) return Language.En;
        return fallback;
    }

    /// <summary>Lower case, no accents, elisions and punctuation as spaces (hyphens kept), single spaces.</summary>
    internal static string Normalize(string text) =>
        TextNormalizer.Normalize(text, TextFolding.Apostrophes | TextFolding.Case | TextFolding.Accents | TextFolding.Punctuation | TextFolding.KeepHyphens);
}
