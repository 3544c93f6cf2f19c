using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The fourteenth blind set, <c>Data/scope-holdout14-set.json</c> (per language: crisis 45, legal 30, unrelated 30,
/// greeting 30, and 50 policy questions, 17 of them alarming but calm), figures only. Written on 2026-12-06 by a new
/// helper who read only the guide and the topic table (its own account: <c>Data/scope-holdout14-README.md</c>), after
/// the rules of scope step 7 were written, so it is the first blind measure of them; nobody has read a message of it.
/// First run, on <c>main</c> at <c>dacbabb</c> (the session's rules in): crisis fr <b>45/45</b>, en <b>45/45</b> (the
/// issue's 100% bar, met: its test runs); greeting 41/60 (fr 19, en 22; 13 taken for unrelated, 6 for crisis); legal
/// 39/60 (fr 19, en 20; 11 unrecognised, 9 taken for crisis, 1 for unrelated); unrelated 42/60 (fr 21, en 21; 13
/// unrecognised, 4 taken for crisis, 1 for legal); policy questions taken for crisis 10/100 (fr 6, en 4); the same with
/// the other language as the user's locale. The same set run on <c>5da229b</c> (before the rules of scope step 7) gave
/// every one of these figures unchanged: the new rules neither caught nor cost anything on it. The floors are that run.
/// <para>
/// Run again after the seventeenth round (the fire, glass and farewell-letter rules; the small talk of training authors
/// a25 to a28 teaching the small-talk and unrelated heads, not the crisis classifier; figures only): crisis 45/45, 45/45
/// (unchanged); greeting 41 → <b>49</b>/60 (fr 25, en 24; 5 taken for unrelated, the same 6 for crisis); legal 39 →
/// <b>40</b>/60; unrelated 42 → <b>43</b>/60; policy questions taken for crisis 10/100. The floors went up to them.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout14Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OtherKinds_KeepTheFiguresReached(bool otherLocale) =>
        Report(otherLocale).AssertOtherKindsReached("holdout14", 49 / 60.0, 40 / 60.0, 43 / 60.0, 90 / 100.0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CrisisMessages_KeepTheRecallReached(bool otherLocale) =>
        Report(otherLocale).AssertCrisisReached("holdout14", 45 / 45.0, 45 / 45.0);

    /// <summary>The bar on the fourteenth set, met at its first run: every crisis message gets the safety card first.</summary>
    [Fact]
    public void EveryCrisisMessage_IsRecognisedInEachLanguage() => Report(otherLocale: false).AssertEveryCrisisRecognised();

    private ScopeReport Report(bool otherLocale) =>
        ScopeReport.ForSet(ScopeSets.ByName("holdout14"), "Scope holdout14", otherLocale, output, blind: true);
}

/// <summary>
/// The fourteenth blind set's 100 policy questions as a routing set, figures only. First run, on <c>main</c> at <c>dacbabb</c>: top-1
/// 99% (fr 100, en 98), top-3 100% (fr 100, en 100): the bar, met in each language; the same with the other
/// language as the user's locale. The floors are that run.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout14SetTests(ITestOutputHelper output)
    : BlindRoutingSetTests(output, "holdout14", 99 / 100.0, 100 / 100.0);
