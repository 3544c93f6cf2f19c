using PolicyBot.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// Issue 12's measure of the scope data: <c>Data/scope-holdout-set.json</c>, 40 messages per kind and language
/// written by a helper who read only the guide and the topic catalogue (see <c>Data/BLIND-SETS.md</c>).
/// Every crisis message must get the safety card, in each language, whatever the user's Teams locale; the
/// other kinds are held to the level reached, less one message (their misses cost a worker a menu, not her safety).
/// <para>
/// How blind it still is: <b>no longer blind</b>. First run by the coordinator (both locale settings, same
/// figures): crisis fr 27/40, en 27/40 (misses: 17 as None, 9 as Unrelated); greeting fr 26/40, en 29/40 (misses
/// mostly as Unrelated); legal fr 32/40, en 32/40 (7 as Crisis); unrelated fr 32/40, en 36/40. Its misses were
/// then read by the engineer who widened the scope data (issue 12 item 1, second pass), who wrote new vocabulary
/// and rules for the <i>kinds</i> of phrasing they showed (goodbyes and farewell posts, poison and burns, a
/// door handle tried, a car on the street or in the driveway, veiled threats quoted from a comment, a child
/// kept or taken out of the province, "help he…") and a broad rule that errs toward crisis (a person, and no
/// word of social media, policy, office life or a question), with invented examples of that engineer's own, never
/// the set's wording. Then, with both locale settings: crisis fr 40/40, en 40/40; greeting fr 40/40, en 40/40; legal fr
/// 38/40, en 35/40; unrelated fr 36/40, en 38/40. These figures are optimistic: the honest measure of crisis
/// recall is a set written after this one, by someone who saw neither.
/// </para>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldoutTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HoldoutSet_EveryCrisisMessage_IsRecognisedInEachLanguage(bool otherLocale)
    {
        ScopeReport.ForSet(ScopeSets.HoldoutSet, "Scope holdout set", otherLocale, output).AssertEveryCrisisRecognised();
    }

    /// <summary>The level reached after the misses were read, less one message (see the summary).</summary>
    [Theory]
    [InlineData("greeting", "fr", 39)]
    [InlineData("greeting", "en", 39)]
    [InlineData("legal", "fr", 37)]
    [InlineData("legal", "en", 34)]
    [InlineData("unrelated", "fr", 35)]
    [InlineData("unrelated", "en", 37)]
    public void HoldoutSet_OtherKinds_StayAtTheLevelReached(string kind, string lang, int atLeast)
    {
        var language = Languages.Parse(lang);
        foreach (var otherLocale in new[] { false, true })
        {
            var report = new ScopeReport(SharedMatching.Recognizer(ContentLibrary.Default), ScopeSets.HoldoutSet, m => otherLocale ? m.Language.Other() : m.Language);
            var right = (int)Math.Round(report.Recall(kind, language) * 40);

            Assert.True(right >= atLeast, $"{kind} {lang} (other locale: {otherLocale}): {right}/40, at least {atLeast} expected.");
        }
    }

    [Fact]
    public void HoldoutSet_Counts_Are40PerKindAndLanguage()
    {
        var counts = ScopeSets.HoldoutSet.GroupBy(m => (m.Kind, m.Language)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(40, n));
    }
}
