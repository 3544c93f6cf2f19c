using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// Finds the topics some words are about, best first — for <c>post &lt;words&gt;</c> and the
/// message-extension search, and for what staff type: <see cref="MatcherTopicFinder"/> (Lucene, both languages).
/// </summary>
public interface ITopicFinder
{
    TopicFinding Find(string text, Language language);
}

/// <summary>The topics found (at most five, best first), the language the words were read in, and whether the first is a clear answer.</summary>
public sealed record TopicFinding(Language Language, IReadOnlyList<string> TopicIds, bool Confident)
{
    public string? Best => TopicIds.Count > 0 ? TopicIds[0] : null;
}
