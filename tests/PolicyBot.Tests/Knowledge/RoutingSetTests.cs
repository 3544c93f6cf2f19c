using System.Globalization;
using System.Text;
using PolicyBot.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// The issue's development set: at least 90% of its questions must get their topic first and 97% in the
/// first three, overall and in each language, whether the user's Teams locale matches the question's
/// language or not. The report also gives the share of confident answers and how many of them are right,
/// and how often the right topic is what the worker sees (the situation started when confident, among the
/// topics offered otherwise), and lists every miss. (Not blind any more, and since issue 12's sixth round the
/// matcher learns these questions: a check that what it learnt still routes; the honest figure is this set left
/// out, <see cref="RoutingLeaveOneSetOutTests"/>.)
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingDevSetTests(ITestOutputHelper output) : RoutingSetTestBase(output, "dev set", RoutingSets.DevSet)
{
    [Fact]
    public void DevSetQuestions_RouteToTheirTopicWhenTheLocaleMatchesTheirLanguage() =>
        Check(q => q.Language, "locale = question language");

    [Fact]
    public void DevSetQuestions_RouteToTheirTopicWhenTheLocaleIsTheOtherLanguage() =>
        Check(q => q.Language.Other(), "locale = the other language");
}

/// <summary>The second set, written blind to the examples, the dev set and the matcher: the same bar. (Its misses have been read since, and the matcher now learns it: see <see cref="RoutingLeaveOneSetOutTests"/>.)</summary>
[Trait("Category", "Sets")]
public sealed class RoutingTestSetTests(ITestOutputHelper output) : RoutingSetTestBase(output, "test set", RoutingSets.TestSet)
{
    [Fact]
    public void TestSetQuestions_RouteToTheirTopicWhenTheLocaleMatchesTheirLanguage() =>
        Check(q => q.Language, "locale = question language");

    [Fact]
    public void TestSetQuestions_RouteToTheirTopicWhenTheLocaleIsTheOtherLanguage() =>
        Check(q => q.Language.Other(), "locale = the other language");
}

/// <summary>
/// The blind set, the honest measure of the earlier work: the issue's bar (90% top-1, 97% top-3) over all its
/// questions in both locale settings, and in each language (English alone fell one question short of 97%
/// top-3 until issue 12's examples). Spent, and learnt by the matcher since: see <see cref="RoutingLeaveOneSetOutTests"/>.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldoutSetTests(ITestOutputHelper output) : RoutingSetTestBase(output, "holdout set", RoutingSets.HoldoutSet)
{
    [Fact]
    public void HoldoutSetQuestions_RouteToTheirTopicWhenTheLocaleMatchesTheirLanguage() =>
        Check(q => q.Language, "locale = question language", eachLanguage: false);

    [Fact]
    public void HoldoutSetQuestions_RouteToTheirTopicWhenTheLocaleIsTheOtherLanguage() =>
        Check(q => q.Language.Other(), "locale = the other language", eachLanguage: false);

    [Fact]
    public void HoldoutSetQuestions_RouteToTheirTopicInEachLanguage() =>
        Check(q => q.Language, "locale = question language, each language", eachLanguage: true);
}

/// <summary>Issue 12's development set (written blind to the examples, then used to develop them, now learnt by the matcher): the same bar, in each language.</summary>
[Trait("Category", "Sets")]
public sealed class RoutingDev2SetTests(ITestOutputHelper output) : RoutingSetTestBase(output, "dev2 set", RoutingSets.Dev2Set)
{
    [Fact]
    public void Dev2SetQuestions_RouteToTheirTopicWhenTheLocaleMatchesTheirLanguage() =>
        Check(q => q.Language, "locale = question language");

    [Fact]
    public void Dev2SetQuestions_RouteToTheirTopicWhenTheLocaleIsTheOtherLanguage() =>
        Check(q => q.Language.Other(), "locale = the other language");
}

/// <summary>
/// Issue 12's held-out set: the issue's bar (90% top-1, 97% top-3) over all its questions, whether the user's
/// Teams locale matches the question's language or not. First and only run, on the merged code before anyone
/// read a question of it: 90.5% top-1, 97.9% top-3 (fr 91.6% / 97.9%, en 89.5% / 97.9%), the same in both
/// locale settings; Confident on 71.6% of the questions and right 98.5% of the time. English alone was one
/// question short of 90% top-1, and that slice was a skipped test, not tuned on this set. Second run, after the
/// matcher learnt the four spent routing sets' questions (<c>Content/questions/</c>; none of this set's): 91.1% top-1,
/// 98.4% top-3 (fr 90.5% / 98.9%, en 91.6% / 97.9%), the same in both locale settings, confident on 71.6% and right
/// 99.3% of the time: the bar holds in each language now, so that test runs. Its misses are no longer printed (figures
/// only), so that nobody reads a question of it by running it. After the matcher learnt the seventeenth round's a27 and
/// a28: 94.2% top-1 (fr 92.6, en 95.8), 100% top-3, from 94.7% (fr 93.7): one French question no longer first.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout2SetTests(ITestOutputHelper output) : RoutingSetTestBase(output, "holdout2 set", RoutingSets.Holdout2Set, blind: true)
{
    [Fact]
    public void Holdout2SetQuestions_RouteToTheirTopicWhenTheLocaleMatchesTheirLanguage() =>
        Check(q => q.Language, "locale = question language", eachLanguage: false);

    [Fact]
    public void Holdout2SetQuestions_RouteToTheirTopicWhenTheLocaleIsTheOtherLanguage() =>
        Check(q => q.Language.Other(), "locale = the other language", eachLanguage: false);

    [Fact]
    public void Holdout2SetQuestions_RouteToTheirTopicInEachLanguage() =>
        Check(q => q.Language, "locale = question language, each language", eachLanguage: true);
}

/// <summary>Every set is real held-out questions: enough of them, in both languages, on real topics, none of them an example.</summary>
[Trait("Category", "Sets")]
public sealed class RoutingSetContentTests
{
    public static TheoryData<string> Sets => ["dev", "test", "holdout", "dev2", "a7", "a8", "a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "a18", "a19", "a20", "a21", "a22", "a23", "a24", "a25", "a26", "a27", "a28", "holdout2"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void ASet_HasAtLeast60QuestionsInBothLanguagesOnRealTopicsAndNoneIsAnExample(string set)
    {
        var questions = set switch { "dev" => RoutingSets.DevSet, "test" => RoutingSets.TestSet, "dev2" => RoutingSets.Dev2Set, "a7" => RoutingSets.A7Set, "a8" => RoutingSets.A8Set, "a9" => RoutingSets.A9Set, "a10" => RoutingSets.A10Set, "a11" => RoutingSets.A11Set, "a12" => RoutingSets.A12Set, "a13" => RoutingSets.A13Set, "a14" => RoutingSets.A14Set, "a15" => RoutingSets.A15Set, "a16" => RoutingSets.A16Set, "a17" => RoutingSets.A17Set, "a18" => RoutingSets.A18Set, "a19" => RoutingSets.A19Set, "a20" => RoutingSets.A20Set, "a21" => RoutingSets.A21Set, "a22" => RoutingSets.A22Set, "a23" => RoutingSets.A23Set, "a24" => RoutingSets.A24Set, "a25" => RoutingSets.A25Set, "a26" => RoutingSets.A26Set, "a27" => RoutingSets.A27Set, "a28" => RoutingSets.A28Set, "holdout2" => RoutingSets.Holdout2Set, _ => RoutingSets.HoldoutSet };
        var content = ContentLibrary.Default;
        var examples = content.Topics
            .SelectMany(t => t.Fr.Examples.Concat(t.En.Examples))
            .Select(Normalise)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(questions.Count >= 60, $"{questions.Count} questions");
        Assert.Contains(questions, q => q.Language == Language.Fr);
        Assert.Contains(questions, q => q.Language == Language.En);
        Assert.All(questions, q => Assert.True(content.TryGetTopic(q.Topic, out _), $"unknown topic {q.Topic}"));
        Assert.All(questions, q => Assert.DoesNotContain(Normalise(q.Text), examples));
        Assert.Equal(questions.Count, questions.Select(q => Normalise(q.Text)).Distinct(StringComparer.Ordinal).Count());
    }

    private static string Normalise(string text) =>
        new string(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}

public abstract class RoutingSetTestBase(ITestOutputHelper output, string name, IReadOnlyList<RoutingQuestion> questions, bool blind = false)
{
    private const double MinTop1 = 0.90;
    private const double MinTop3 = 0.97;

    /// <summary>The issue's bar over all the questions and each language's, each asked with its own language as the user's locale.</summary>
    protected void CheckTheIssuesBar() => Check(q => q.Language, "locale = question language, the issue's bar");

    /// <summary>
    /// Asserts a blind set's recorded floor over all its questions, each asked with its own language as the user's
    /// locale or, with <paramref name="otherLocale"/>, with the other one.
    /// </summary>
    protected void CheckFloor(bool otherLocale, double minTop1, double minTop3) =>
        Check(q => otherLocale ? q.Language.Other() : q.Language, otherLocale ? "locale = the other language, floor reached" : "locale = question language, floor reached",
            eachLanguage: false, minTop1: minTop1, minTop3: minTop3);

    /// <summary>
    /// Asserts the bar (the issue's, unless a set records a lower floor it has reached) over all the questions, and
    /// with <paramref name="eachLanguage"/> over each language's too.
    /// </summary>
    protected void Check(Func<RoutingQuestion, Language> locale, string label, bool eachLanguage = true, double minTop1 = MinTop1, double minTop3 = MinTop3)
    {
        var matcher = SharedMatching.Matcher(ContentLibrary.Default);
        var results = questions.Select(q => (Question: q, Result: matcher.Match(q.Text, locale(q)))).ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Routing {name} ({results.Count} questions), {label}");
        var failures = new List<string>();
        foreach (var (slice, rows) in new[] { ("all", results), ("fr", Slice(results, Language.Fr)), ("en", Slice(results, Language.En)) })
        {
            var top1 = Share(rows, r => Rank(r) == 1);
            var top3 = Share(rows, r => Rank(r) is >= 1 and <= 3);
            var detected = Share(rows, r => r.Result.Language == r.Question.Language);
            var confident = rows.Where(r => r.Result.Confidence == MatchConfidence.Confident).ToList();
            var shown = Share(rows, r => r.Result.Confidence == MatchConfidence.Confident ? Rank(r) == 1 : Rank(r) is var k && k >= 1 && k <= r.Result.Offered);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"  {slice,-3} n={rows.Count,3}  top-1 {top1:P1}  top-3 {top3:P1}  confident {Share(rows, r => r.Result.Confidence == MatchConfidence.Confident):P1}, right {Share(confident, r => Rank(r) == 1):P1}  right topic shown {shown:P1}  language detected {detected:P1}");
            if (slice != "all" && !eachLanguage) continue;
            if (top1 < minTop1) failures.Add($"{slice}: top-1 {top1:P1} < {minTop1:P0}");
            if (top3 < minTop3) failures.Add($"{slice}: top-3 {top3:P1} < {minTop3:P0}");
        }
        var misses = results.Where(r => Rank(r) != 1).ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"  misses ({misses.Count}){(blind ? ", not listed: the set is still blind" : "")}:");
        foreach (var (question, result) in blind ? [] : misses)
        {
            var ranked = string.Join(", ", result.Ranked.Take(3).Select(t => $"{t.TopicId} {t.Score:F1}"));
            var rank = Rank((question, result));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"    [{question.Lang}→{result.Language.Code()}] want {question.Topic} (rank {(rank == 0 ? "-" : rank)}), got {ranked} ({result.Confidence}): {question.Text}");
        }
        output.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    private static List<(RoutingQuestion Question, MatchResult Result)> Slice(List<(RoutingQuestion Question, MatchResult Result)> results, Language language) =>
        results.Where(r => r.Question.Language == language).ToList();

    /// <summary>1-based position of the right topic, 0 when it is not ranked.</summary>
    private static int Rank((RoutingQuestion Question, MatchResult Result) r)
    {
        for (var i = 0; i < r.Result.Ranked.Count; i++)
        {
            if (r.Result.Ranked[i].TopicId == r.Question.Topic) return i + 1;
        }
        return 0;
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;
}
