using System.Globalization;
using System.Text;
using PolicyBot.Knowledge;
using PolicyBot.Matching;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// Leave-one-set-out over the four spent routing sets, each written by a different blind author: the matcher learns
/// from the other three sets' questions and is scored on the fourth, in turn. A new author's wording is what the
/// matcher must generalise to, and this is the closest measure of it the team can run without spending a blind set.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingLeaveOneSetOutTests(ITestOutputHelper output)
{
    internal static readonly (string Name, IReadOnlyList<RoutingQuestion> Questions)[] SpentSets =
    [
        ("dev", RoutingSets.DevSet),
        ("test", RoutingSets.TestSet),
        ("holdout", RoutingSets.HoldoutSet),
        ("dev2", RoutingSets.Dev2Set),
    ];

    /// <summary>
    /// Each spent set, left out, at the bar (90% top-1, 97% top-3) with the questions of the other three
    /// learnt; and learning them never costs a left-out set more than one question, top-1 or top-3, and raises the
    /// four together. When written (examples only → with the other sets' questions, of 608): top-1 579 → 590,
    /// top-3 603 → 606; dev 106 → 108, test 183 → 185, holdout 180 → 185, dev2 110 → 112 top-1.
    /// </summary>
    [Fact]
    public void EachSpentSetLeftOut_RoutesAtTheBar_AndLearningTheOtherSetsNeverCostsItMoreThanOneQuestion()
    {
        var without = LeaveOneSetOut(TopicMatcherSettings.Default, learn: false);
        var with = LeaveOneSetOut(TopicMatcherSettings.Default, learn: true);
        output.WriteLine("examples only:");
        output.WriteLine(Report(without));
        output.WriteLine("with the other three sets' questions:");
        output.WriteLine(Report(with));

        var failures = new List<string>();
        foreach (var (set, _) in SpentSets)
        {
            var before = without.Where(r => r.Set == set).ToList();
            var after = with.Where(r => r.Set == set).ToList();
            if (Count(after, Top1) < Count(before, Top1) - 1) failures.Add($"{set}: top-1 {Count(before, Top1)} -> {Count(after, Top1)}");
            if (Count(after, Top3) < Count(before, Top3) - 1) failures.Add($"{set}: top-3 {Count(before, Top3)} -> {Count(after, Top3)}");
            if (Share(after, Top1) < 0.90) failures.Add($"{set}: top-1 {Share(after, Top1):P1} < 90%");
            if (Share(after, Top3) < 0.97) failures.Add($"{set}: top-3 {Share(after, Top3):P1} < 97%");
        }
        if (Count(with, Top1) <= Count(without, Top1)) failures.Add($"all: top-1 {Count(without, Top1)} -> {Count(with, Top1)}, not raised");
        if (Count(with, Top3) < Count(without, Top3)) failures.Add($"all: top-3 {Count(without, Top3)} -> {Count(with, Top3)}");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    /// <summary>The product learns every spent set (the content's questions are exactly them), so the left-out runs above are what it ships, less one set.</summary>
    [Fact]
    public void TheContentsQuestions_AreTheFourSpentSets_AndNothingElse()
    {
        var spent = SpentSets.SelectMany(s => s.Questions).Select(q => (q.Topic, q.Language, q.Text)).ToList();
        var learnt = ContentLibrary.Default.Questions.Select(q => (q.Topic, q.Language, q.Text)).ToList();
        Assert.Equal(608, learnt.Count);
        Assert.Equal(spent.Order(), learnt.Order());
        Assert.DoesNotContain(learnt, q => RoutingSets.Holdout2Set.Any(h => h.Text == q.Text));
    }

    private static bool Top1(Row r) => r.Rank == 1;

    private static bool Top3(Row r) => r.Rank is >= 1 and <= 3;

    internal static List<Row> LeaveOneSetOut(TopicMatcherSettings settings, bool learn)
    {
        var content = ContentLibrary.Default;
        var rows = new List<Row>();
        foreach (var (name, questions) in SpentSets)
        {
            IReadOnlyList<TopicQuestion> training = learn
                ? [.. SpentSets.Where(s => s.Name != name).SelectMany(s => s.Questions).Select(q => new TopicQuestion(q.Topic, q.Language, q.Text))]
                : [];
            var matcher = new TopicMatcher(content, settings, questions: training);
            foreach (var q in questions)
            {
                var result = matcher.Match(q.Text, q.Language);
                var rank = result.Ranked.Select(t => t.TopicId).ToList().IndexOf(q.Topic) + 1;
                rows.Add(new Row(name, q.Language, rank, result.Confidence, result.Offered));
            }
        }
        return rows;
    }

    internal sealed record Row(string Set, Language Language, int Rank, MatchConfidence Confidence, int Offered)
    {
        public bool Shown => Confidence == MatchConfidence.Confident ? Rank == 1 : Rank >= 1 && Rank <= Offered;
    }

    internal static string Report(List<Row> rows)
    {
        var report = new StringBuilder();
        foreach (var set in SpentSets.Select(s => s.Name).Append("all"))
        {
            var inSet = rows.Where(r => set == "all" || r.Set == set).ToList();
            foreach (var (slice, sliced) in new[] { ("all", inSet), ("fr", inSet.Where(r => r.Language == Language.Fr).ToList()), ("en", inSet.Where(r => r.Language == Language.En).ToList()) })
            {
                var confident = sliced.Where(r => r.Confidence == MatchConfidence.Confident).ToList();
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"  {set,-8}{slice,-4} n={sliced.Count,3} top-1 {Count(sliced, r => r.Rank == 1),3} {Share(sliced, r => r.Rank == 1):P1}  top-3 {Count(sliced, r => r.Rank is >= 1 and <= 3),3} {Share(sliced, r => r.Rank is >= 1 and <= 3):P1}  confident {Share(sliced, r => r.Confidence == MatchConfidence.Confident):P1} right {Share(confident, r => r.Rank == 1):P1}  shown {Share(sliced, r => r.Shown):P1}");
            }
        }
        return report.ToString();
    }

    private static int Count<T>(IEnumerable<T> items, Func<T, bool> predicate) => items.Count(predicate);

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;
}
