using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The fifteenth blind set, <c>Data/scope-holdout15-set.json</c> (per language: crisis 45, legal 30, unrelated 30,
/// greeting 30, and 50 policy questions, 17 of them alarming but calm), figures only. Written on 2026-12-06 by a new
/// helper who read only the guide and the topic table (its own account: <c>Data/scope-holdout15-README.md</c>), and
/// first run with the cry-for-help rule, the legal words of a worker's own job, the shift words and the matcher's
/// sixteenth round in, so it is the first blind measure of them; nobody has read a message of it (22 of its 370
/// messages, one to eight words each, equal a
/// shipped or set string, counted by a script that printed no text; measured with the rest). First run, on <c>main</c>
/// at <c>3d50e32</c>: crisis fr <b>45/45</b>, en <b>45/45</b> (the bar, met: its test runs); greeting 45/60 (fr
/// 21, en 24; 11 taken for unrelated, 4 unrecognised, none for crisis); legal 51/60 (fr 26, en 25; 8 taken for crisis, 5
/// of them told no legal advice after the safety card, so 56 of 60 are told it); unrelated 45/60 (fr 23, en 22; 9
/// unrecognised, 5 taken for crisis, 1 for legal); policy questions taken for crisis 31/100 (fr 15, en 16): of its 34
/// alarming-but-calm questions (marked <c>hard</c>) 28, of the 66 others 3; the same with the other language as the
/// user's locale. The floors are that run.
/// <para>
/// Second run, after the seventeenth round (the fire, glass and farewell-letter rules; the small talk of training
/// authors a25 to a28 teaching the small-talk and unrelated heads, not the crisis classifier; figures only): crisis fr
/// 45/45, en 45/45 (unchanged); greeting 45 → <b>56</b>/60 (fr 28, en 28; 2 taken for unrelated, 2 unrecognised);
/// legal 51/60; unrelated 45 → <b>44</b>/60 (fr 22, en 22; one French message left unrecognised instead); policy
/// questions taken for crisis 31/100. The floors follow: greeting up, unrelated down.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout15Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OtherKinds_KeepTheFiguresReached(bool otherLocale) =>
        Report(otherLocale).AssertOtherKindsReached("holdout15", 56 / 60.0, 51 / 60.0, 44 / 60.0, 69 / 100.0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CrisisMessages_KeepTheRecallReached(bool otherLocale) =>
        Report(otherLocale).AssertCrisisReached("holdout15", 45 / 45.0, 45 / 45.0);

    /// <summary>The bar on the fifteenth set: every crisis message gets the safety card first.</summary>
    [Fact]
    public void EveryCrisisMessage_IsRecognisedInEachLanguage() => Report(otherLocale: false).AssertEveryCrisisRecognised();

    private ScopeReport Report(bool otherLocale) =>
        ScopeReport.ForSet(ScopeSets.ByName("holdout15"), "Scope holdout15", otherLocale, output, blind: true);
}

/// <summary>
/// The fifteenth blind set's 100 policy questions as a routing set, figures only. First run, on <c>main</c> at
/// <c>3d50e32</c>: top-1 97% (fr 96, en 98), top-3 100% (fr 100, en 100): the bar, met in each language; the same
/// with the other language as the user's locale. The floors are that run. After a27 and a28 were learnt (seventeenth round): top-1 <b>98%</b>
/// (fr 98, en 98), top-3 100%; the top-1 floor went up to it.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout15SetTests(ITestOutputHelper output)
    : BlindRoutingSetTests(output, "holdout15", 98 / 100.0, 100 / 100.0);
