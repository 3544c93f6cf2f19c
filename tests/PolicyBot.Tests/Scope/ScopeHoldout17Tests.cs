using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The seventeenth blind set, <c>Data/scope-holdout17-set.json</c> (per language: crisis 45, legal 30, unrelated 30,
/// greeting 30, and 50 policy questions, about a third of them alarming but calm), figures only. Written on 2026-12-07
/// by a new helper who read only the guide, the topic table and its brief (its own account:
/// <c>Data/scope-holdout17-README.md</c>), after the twenty-second round (authors <c>a65</c> to <c>a67</c> and the rules
/// drawn from them), so it is the first blind measure of every round since the sixteenth set; nobody has read a message
/// of it. 28 of its 370 messages (26 greetings, 1 crisis, 1 unrelated) equal a shipped or set string, counted by a
/// script that printed no text; measured with the rest. First run, on <c>main</c> at <c>c50ee85</c>: crisis fr
/// <b>45/45</b>, en <b>45/45</b> (the issue's 100% bar, met); greeting 53/60 (fr 26, en 27; 5 taken for unrelated, 2 for
/// crisis); legal 59/60 (fr 29, en 30; 1 unrecognised); unrelated 54/60 (fr 27, en 27; 3 taken for crisis, 3
/// unrecognised); policy questions taken for crisis 8/100 (fr 6, en 2). The floors are the first run.
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout17Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OtherKinds_KeepTheFiguresReached(bool otherLocale) =>
        Report(otherLocale).AssertOtherKindsReached("holdout17", 53 / 60.0, 59 / 60.0, 54 / 60.0, 92 / 100.0);

    /// <summary>The issue's bar on the seventeenth set: every crisis message gets the safety card first.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryCrisisMessage_IsRecognisedInEachLanguage(bool otherLocale) => Report(otherLocale).AssertEveryCrisisRecognised();

    private ScopeReport Report(bool otherLocale) =>
        ScopeReport.ForSet(ScopeSets.ByName("holdout17"), "Scope holdout17", otherLocale, output, blind: true);
}

/// <summary>
/// The seventeenth blind set's 100 policy questions as a routing set, figures only. First run, on <c>main</c> at
/// <c>c50ee85</c>: top-1 97% (fr 98, en 96), top-3 100% (fr 100, en 100): the issue's bar, met in each language. The
/// floors are that run.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout17SetTests(ITestOutputHelper output)
    : RoutingSetTestBase(output, "holdout17 policy questions", ScopeHoldout7And8Tests.PolicyQuestions("holdout17"), blind: true)
{
    [Fact]
    public void Holdout17PolicyQuestions_RouteToTheirTopic_AtTheIssuesBar() =>
        Check(q => q.Language, "locale = question language, the issue's bar");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Holdout17PolicyQuestions_KeepTheRoutingReached(bool otherLocale) =>
        CheckFloor(otherLocale, 97 / 100.0, 100 / 100.0);
}
