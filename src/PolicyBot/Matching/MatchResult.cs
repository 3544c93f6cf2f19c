using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>How sure the matcher is that its first topic is the one the user means.</summary>
public enum MatchConfidence
{
    /// <summary>The first topic is clearly ahead: start its situation.</summary>
    Confident,

    /// <summary>Some topics match, none clearly: offer the first few as choices.</summary>
    Unsure,

    /// <summary>Nothing in the text points to a topic (greetings, gibberish, stop words only).</summary>
    None,
}

/// <summary>One candidate topic and its relevance score (higher is better; only comparable within one result).</summary>
public sealed record TopicScore(string TopicId, double Score);

/// <summary>
/// The topics a free-text question points to, best first (at most five, each with a score above zero),
/// the language the question was searched in (which can differ from the user's language setting), and how
/// many of the first topics to offer as choices when the match is not confident.
/// </summary>
public sealed record MatchResult(Language Language, IReadOnlyList<TopicScore> Ranked, MatchConfidence Confidence, int Offered = 3)
{
    /// <summary>The best candidate, or null when nothing matched.</summary>
    public TopicScore? Best => Ranked.Count > 0 ? Ranked[0] : null;
}
