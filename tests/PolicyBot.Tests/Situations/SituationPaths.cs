using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Situations;

/// <summary>Every way through every situation: the answers chosen, question by question, and where they lead.</summary>
public sealed record SituationPath(Situation Situation, IReadOnlyList<(SituationQuestion Question, SituationOption Option)> Steps)
{
    /// <summary>The guideline the path ends on; null when it ends on the safety reply instead.</summary>
    public SituationOutcome? Outcome => Steps[^1].Option.Outcome;

    /// <summary>True when the last answer is one the guide does not cover (a threat): the path ends on the safety reply.</summary>
    public bool EndsInSafety => Steps[^1].Option.Safety;

    public override string ToString() => $"{Situation.Id}: {string.Join(" → ", Steps.Select(s => s.Option.Id))} ⇒ {Outcome?.Topic ?? "safety"}";

    /// <summary>Every path, whatever it ends on.</summary>
    public static IEnumerable<SituationPath> All(ContentLibrary content) =>
        content.Situations.SelectMany(s => Walk(s, s.Question(s.Start), []));

    /// <summary>The paths that end on a guideline.</summary>
    public static IEnumerable<SituationPath> ToGuidelines(ContentLibrary content) => All(content).Where(p => p.Outcome is not null);

    private static IEnumerable<SituationPath> Walk(Situation situation, SituationQuestion question, List<(SituationQuestion, SituationOption)> so)
    {
        foreach (var option in question.Options)
        {
            var steps = new List<(SituationQuestion, SituationOption)>(so) { (question, option) };
            if (option.Next is null) yield return new SituationPath(situation, steps);
            else foreach (var path in Walk(situation, situation.Question(option.Next), steps)) yield return path;
        }
    }
}
