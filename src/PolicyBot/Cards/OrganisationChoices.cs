using PolicyBot.Knowledge;

namespace PolicyBot.Cards;

/// <summary>The organisation's decisions (decision point id → option id) that a card shows, and their version.</summary>
public sealed record OrganisationChoices(IReadOnlyDictionary<string, string> Decisions, int Version)
{
    public static OrganisationChoices None { get; } = new(new Dictionary<string, string>(), 0);

    public string? For(string decisionPointId) => Decisions.TryGetValue(decisionPointId, out var option) ? option : null;

    /// <summary>
    /// The option the organisation chose for <paramref name="point"/>, or null when the point is not decided.
    /// A stored choice that is no longer one of the point's options (the content changed since) counts as not
    /// decided: only an option the content lists has a passage of the guide behind it.
    /// </summary>
    public string? OptionFor(DecisionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return For(point.Id) is { } chosen && point.Options.Contains(chosen) ? chosen : null;
    }
}
