using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Finds the topics some words are about, best first — for <c>post &lt;words&gt;</c> and the
/// message-extension search, and for what staff type: <see cref="MatcherTopicFinder"/> (BM25 and a classifier, both languages).
/// </summary>
public interface ITopicFinder
{
    TopicFinding Find(string text, Language language);
}

/// <summary>
/// The topics found (at most five, best first), the language the words were read in, whether the first is a
/// clear answer, and how many of the first to offer as choices when it is not.
/// </summary>
public sealed record TopicFinding(Language Language, IReadOnlyList<string> TopicIds, bool Confident, int Offered = 3)
{
    public string? Best => TopicIds.Count > 0 ? TopicIds[0] : null;
}
