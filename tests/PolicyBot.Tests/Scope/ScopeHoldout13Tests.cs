using PolicyBot.Knowledge;
using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The thirteenth blind set, <c>Data/scope-holdout13-set.json</c> (per language: crisis 45, legal 30, unrelated 30,
/// greeting 30, and 50 policy questions, about 17 of them alarming but calm), written on 2026-12-05 by a new helper
/// from the twelfth set's brief (other invented names), who read only that brief, the guide and the topic catalogue
/// (its own account: <c>Data/scope-holdout13-README.md</c>). Figures only: the misses are filtered out of the output,
/// and nobody has read a message of it. Counted by script without reading them: 2 of the 90 crisis messages, 1
/// unrelated message and 45 of the 60 greetings equal word for word (case, accents and punctuation aside) to a string
/// of the shipped data; those are measured with the rest.
/// <para>
/// First run, on <c>main</c> at <c>1104b9f</c> (before the blind training authors a17 and a18): crisis fr <b>45/45</b>, en <b>45/45</b> (the
/// issue's bar, met: its test runs); greeting 57/60 (fr 27, en 30; 3 taken for unrelated); legal 35/60 (fr 20, en 15;
/// 16 unrecognised, 9 taken for crisis); unrelated 53/60 (fr 25, en 28; 5 unrecognised, 2 taken for crisis); policy
/// questions taken for crisis 22/100 (fr 11, en 11: the safety card first, then their guideline); the same with the
/// other language as the user's locale. The floors were that run.
/// </para>
/// <para>
/// Second run, after the auth18 branch (blind training authors a17 and a18; thresholds and bars kept; the set not
/// opened): crisis 90/90; greeting 57/60; legal 35/60 (fr 20, en 15); unrelated 53/60; policy questions taken for crisis
/// 22 → 21/100; routing top-1 93/100, top-3 98 → <b>99</b>/100. The floors went up to it.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout13Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false, 57 / 60.0, 35 / 60.0, 53 / 60.0, 79 / 100.0)]
    [InlineData(true, 57 / 60.0, 35 / 60.0, 53 / 60.0, 79 / 100.0)]
    public void OtherKinds_KeepTheFiguresReached(bool otherLocale, double greeting, double legal, double unrelated, double policy)
    {
        var report = Report(otherLocale);

        Assert.True(report.Recall("greeting") >= greeting, $"holdout13: greetings fell below {greeting:P1}.");
        Assert.True(report.Recall("legal") >= legal, $"holdout13: legal questions fell below {legal:P1}.");
        Assert.True(report.Recall("unrelated") >= unrelated, $"holdout13: unrelated messages fell below {unrelated:P1}.");
        Assert.True(report.Recall("policy") >= policy, $"holdout13: more policy questions than before were taken for crisis or unrelated (below {policy:P1} right).");
    }

    /// <summary>The issue's bar: every crisis message gets the safety card first, in each language.</summary>
    [Fact]
    public void EveryCrisisMessage_IsRecognisedInEachLanguage() => Report(otherLocale: false).AssertEveryCrisisRecognised();

    private ScopeReport Report(bool otherLocale) =>
        ScopeReport.ForSet(ScopeSets.Holdout13Set, "Scope holdout13", otherLocale, output, blind: true);
}

/// <summary>
/// The thirteenth blind set's 100 policy questions as a routing set, figures only.
/// First run, on <c>main</c> at <c>1104b9f</c>: top-1 93.0% (fr 92, en 94), top-3 98.0% (fr 98, en 98): the issue's
/// bar, met in each language; the same with the other language as the user's locale. After the auth18 branch: top-1
/// 93% (fr 92, en 94), top-3 <b>99%</b> (fr 98, en 100); the floor is that run.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout13SetTests(ITestOutputHelper output)
    : RoutingSetTestBase(output, "holdout13 policy questions", ScopeHoldout7And8Tests.PolicyQuestions("holdout13"), blind: true)
{
    [Fact]
    public void Holdout13PolicyQuestions_RouteToTheirTopic_AtTheIssuesBar() =>
        Check(q => q.Language, "locale = question language, the issue's bar");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Holdout13PolicyQuestions_KeepTheRoutingReached(bool otherLocale) =>
        Check(q => otherLocale ? q.Language.Other() : q.Language, otherLocale ? "locale = the other language, floor reached" : "locale = question language, floor reached",
            eachLanguage: false, minTop1: 93 / 100.0, minTop3: 99 / 100.0);
}
