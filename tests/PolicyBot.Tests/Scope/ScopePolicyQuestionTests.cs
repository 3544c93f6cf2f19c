using System.Globalization;
using System.Text;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// Ordinary policy questions (the five routing sets) must reach the topics: at most 2% of them may be taken
/// for a crisis or for something unrelated, in each set and over all of them, whatever the Teams locale.
/// The questions taken are listed for the spent sets only: the two held-out sets print their counts, never a
/// question, so they stay held out for the matcher.
/// Legal, thanks and greetings are counted too (a legal reply still offers the closest topic). The topics'
/// own example questions are held to the same bar; they were written by the content's authors, not blind.
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopePolicyQuestionTests(ITestOutputHelper output)
{
    private const double MaxShare = 0.02;

    public static TheoryData<string> Sets => ["dev", "test", "holdout", "dev2", "holdout2", "all", "topic examples"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void PolicyQuestions_EachSet_AtMostTwoPercentTakenForCrisisOrUnrelated(string set)
    {
        var questions = set switch
        {
            "dev" => RoutingSets.DevSet,
            "test" => RoutingSets.TestSet,
            "holdout" => RoutingSets.HoldoutSet,
            "dev2" => RoutingSets.Dev2Set,
            "holdout2" => RoutingSets.Holdout2Set,
            "topic examples" => TopicExamples(),
            _ => [.. RoutingSets.DevSet, .. RoutingSets.TestSet, .. RoutingSets.HoldoutSet, .. RoutingSets.Dev2Set, .. RoutingSets.Holdout2Set],
        };
        var listQuestions = set is not ("holdout" or "holdout2" or "all");
        var recognizer = SharedMatching.Recognizer(ContentLibrary.Default);
        var report = new StringBuilder();
        var failures = new List<string>();
        foreach (var (label, locale) in new (string, Func<RoutingQuestion, Language>)[] { ("locale = question language", q => q.Language), ("locale = the other language", q => q.Language.Other()) })
        {
            var results = questions.Select(q => (Question: q, Result: recognizer.Recognize(q.Text, locale(q)))).ToList();
            var taken = results.Where(r => r.Result.Kind is ScopeKind.Crisis or ScopeKind.Unrelated).ToList();
            var share = (double)taken.Count / results.Count;
            report.AppendLine(CultureInfo.InvariantCulture, $"Routing {set} set ({results.Count} policy questions), {label}: {share:P1} taken for crisis or unrelated");
            foreach (var kind in new[] { ScopeKind.Crisis, ScopeKind.Unrelated, ScopeKind.Legal, ScopeKind.Thanks, ScopeKind.Greeting })
            {
                var rows = results.Where(r => r.Result.Kind == kind).ToList();
                report.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-9} {rows.Count,3} ({(double)rows.Count / results.Count:P1})");
                if (!listQuestions) continue;
                foreach (var (question, _) in rows) report.AppendLine(CultureInfo.InvariantCulture, $"      [{question.Lang}] {question.Topic}: {question.Text}");
            }
            if (share > MaxShare) failures.Add($"{label}: {share:P1} > {MaxShare:P0}");
        }
        output.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    private static IReadOnlyList<RoutingQuestion> TopicExamples() =>
    [
        .. ContentLibrary.Default.Topics.SelectMany(t =>
            t.Fr.Examples.Select(e => new RoutingQuestion("fr", e, t.Id)).Concat(t.En.Examples.Select(e => new RoutingQuestion("en", e, t.Id)))),
    ];
}
