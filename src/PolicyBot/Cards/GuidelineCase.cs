using PolicyBot.Knowledge;

namespace PolicyBot.Cards;

/// <summary>
/// What a guideline card knows about this case: the answers she clicked on the way (their labels, never
/// anything she typed) and the outcome they led to, with its notes and the steps her answers settle.
/// <see cref="None"/> when a topic is opened directly.
/// </summary>
public sealed record GuidelineCase(IReadOnlyList<SituationOption> Answers, SituationOutcome? Outcome)
{
    public static GuidelineCase None { get; } = new([], null);

    /// <summary>An outcome reached without answers to show (a topic chosen from a list, an older card).</summary>
    public static GuidelineCase Of(SituationOutcome outcome) => new([], outcome);

    public IReadOnlyList<string> Notes(Language language) => Outcome?.Notes(language) ?? [];

    /// <summary>Whether the card leaves out step <paramref name="number"/> (from 1) of <paramref name="topic"/>'s "what to do now".</summary>
    public bool Skips(Topic topic, int number) => Outcome is { } outcome && outcome.Topic == topic.Id && outcome.SkipDoNow.Contains(number);
}
