using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>The manager who made a change: the Teams display name and the Entra object id, nothing else.</summary>
public sealed record PolicyAuthor(string Name, string AadObjectId);

/// <summary>One decision point changed by a version: the option before and after (null: not decided).</summary>
public sealed record PolicyChange(string DecisionPoint, string? From, string? To);

/// <summary>
/// One version of the organisation's policy (<c>policybot/policy/versions/{n}</c>): every decision,
/// the version that last changed each one, and who changed what, when. Written once, never replaced.
/// Version 0 is the policy before any decision: it is never stored.
/// </summary>
public sealed record PolicyVersion
{
    public int Version { get; init; }

    /// <summary>
    /// Decision point id → option id; a point that is absent is not decided. The shelter's emergency
    /// instructions are kept here too, as the text a manager entered (<see cref="EmergencyInstructions"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Decisions { get; init; } = new Dictionary<string, string>();

    /// <summary>Decision point id → the version that last changed it (decided it, changed it or undid it).</summary>
    public IReadOnlyDictionary<string, int> ChangedIn { get; init; } = new Dictionary<string, int>();

    public DateTimeOffset? At { get; init; }

    public PolicyAuthor? By { get; init; }

    public IReadOnlyList<PolicyChange> Changes { get; init; } = [];

    public static PolicyVersion Initial { get; } = new();

    /// <summary>What the cards show.</summary>
    public OrganisationChoices ToChoices() => new(Decisions, Version);

    /// <summary>
    /// The version in which the organisation's choices for this topic last changed (0: never). A posted
    /// card is out of date, and an acknowledgement is asked again, only when this moves.
    /// </summary>
    public int VersionOf(Topic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var version = 0;
        foreach (var point in topic.DecisionPoints)
        {
            if (ChangedIn.TryGetValue(point.Id, out var changed) && changed > version) version = changed;
        }
        return version;
    }

    /// <summary>
    /// The next version with <paramref name="wanted"/> applied, or null when it changes nothing here.
    /// Only the points a manager changed are applied, so concurrent edits of other points are kept.
    /// </summary>
    public PolicyVersion? Apply(IReadOnlyDictionary<string, string?> wanted, PolicyAuthor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var decisions = new Dictionary<string, string>(Decisions, StringComparer.Ordinal);
        var changedIn = new Dictionary<string, int>(ChangedIn, StringComparer.Ordinal);
        var changes = new List<PolicyChange>();
        var next = Version + 1;
        foreach (var (point, option) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var before = decisions.GetValueOrDefault(point);
            if (before == option) continue;
            if (option is null) decisions.Remove(point);
            else decisions[point] = option;
            changedIn[point] = next;
            changes.Add(new PolicyChange(point, before, option));
        }
        if (changes.Count == 0) return null;
        return new PolicyVersion { Version = next, Decisions = decisions, ChangedIn = changedIn, At = at, By = by, Changes = changes };
    }
}

/// <summary>The result of a manager's save: the version it created (null when nothing changed) and the policy now.</summary>
public sealed record PolicyCommit(PolicyVersion? Created, PolicyVersion Current);
