namespace PolicyBot.Cards;

/// <summary>The organisation's decisions (decision point id → option id) that a card shows, and their version.</summary>
public sealed record OrganisationChoices(IReadOnlyDictionary<string, string> Decisions, int Version)
{
    public static OrganisationChoices None { get; } = new(new Dictionary<string, string>(), 0);

    public string? For(string decisionPointId) => Decisions.TryGetValue(decisionPointId, out var option) ? option : null;
}
