using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Situations;

/// <summary>Every way through every situation: the answers chosen, question by question, and where they lead.</summary>
public sealed record SituationPath(Situation Situation, IReadOnlyList<(SituationQuestion Question, SituationOption Option)> Steps)
{
    public SituationOutcome Outcome => Steps[^1].Option.Outcome!;

    public override string ToString() => $"{Situation.Id}: {string.Join(" → ", Steps.Select(s => s.Option.Id))} ⇒ {Outcome.Topic}";

    public static IEnumerable<SituationPath> All(ContentLibrary content) =>
        content.Situations.SelectMany(s => Walk(s, s.Question(s.Start), []));

    private static IEnumerable<SituationPath> Walk(Situation situation, SituationQuestion question, List<(SituationQuestion, SituationOption)> so)
    {
        foreach (var option in question.Options)
        {
            var steps = new List<(SituationQuestion, SituationOption)>(so) { (question, option) };
            if (option.Outcome is not null) yield return new SituationPath(situation, steps);
            else foreach (var path in Walk(situation, situation.Question(option.Next!), steps)) yield return path;
        }
    }
}
