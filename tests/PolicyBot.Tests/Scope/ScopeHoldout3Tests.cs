using PolicyBot.Knowledge;
using PolicyBot.Matching;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The last honest measure of the scope data: <c>Data/scope-holdout3-set.json</c> (crisis 60, legal, unrelated
/// and greeting 30 each, per language), written blind by a helper who read only the guide and the topic
/// catalogue, after the first held-out set had been spent on the data (see <c>Data/BLIND-SETS.md</c>).
/// Before it was spent (see below), only its figures were looked at, twice, never a message:
/// <list type="bullet">
/// <item>on the scope data as merged before the held-out set was spent: crisis fr 30/60 (50.0%), en 40/60
/// (66.7%); greeting 20/30, 16/30; legal 22/30, 28/30; unrelated 19/30, 28/30;</item>
/// <item>on the data after the first held-out set's misses were worked on (its own figures went to 40/40 in
/// each language): crisis fr 43/60 (71.7%), en 50/60 (83.3%); greeting 26/30, 24/30; legal 23/30, 28/30;
/// unrelated 17/30, 27/30. The same in both locale settings.</item>
/// </list>
/// So the rules did not generalise: about one crisis message in five (French) to one in six (English) written in
/// new words got no safety card.
/// <para>
/// <b>Then the set was spent</b> (2026-12-04, crisis branch): its messages were read, and a statistical layer was
/// added behind the rules (<see cref="CrisisClassifier"/>, trained at start-up on Content/scope-corpus/). Figures
/// on this set, in order:
/// </para>
/// <list type="bullet">
/// <item>rules plus a classifier trained on a corpus written after reading the misses but holding <b>no</b> message
/// of this set: crisis fr 56/60, en 59/60 (optimistic: the corpus was written knowing which kinds of wording were
/// missed);</item>
/// <item>five-fold cross-validation once every scope set's messages joined the corpus (each message scored by a
/// model that never saw it, rules in front, threshold 0.5): crisis fr 54/60 (90.0%), en 59/60 (98.3%);</item>
/// <item>the shipped model, trained on this set too: crisis fr 60/60, en 60/60 (training figures, asserted below
/// so the corpus cannot lose them); greeting 26/30, 24/30; legal 23/30, 28/30; unrelated 17/30, 27/30, the same as
/// before the classifier. The same in both locale settings.</item>
/// <item>after a second author's messages joined the corpus and the small-talk and unrelated heads were added
/// (corpus5 branch, crisis threshold 0.8): five-fold cross-validation, rules in front, crisis fr 55/60, en 60/60;
/// the shipped model (training figures): crisis 60/60, 60/60; greeting 30/30, 30/30; legal 23/30, 28/30;
/// unrelated 25/30, 29/30.</item>
/// </list>
/// The honest measure of crisis recall is now the next blind set, which nobody working on this data has seen.
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout3Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ThirdSet_EveryCrisisMessage_IsRecognisedInEachLanguage(bool otherLocale)
    {
        ScopeReport.ForSet(ScopeSets.Holdout3Set, "Scope holdout 3", otherLocale, output).AssertEveryCrisisRecognised();
    }

    /// <summary>The other kinds stay where they were before the classifier (it may only raise a message to crisis).</summary>
    [Theory]
    [InlineData("greeting", "fr", 26)]
    [InlineData("greeting", "en", 24)]
    [InlineData("legal", "fr", 23)]
    [InlineData("legal", "en", 28)]
    [InlineData("unrelated", "fr", 17)]
    [InlineData("unrelated", "en", 27)]
    public void ThirdSet_OtherKinds_StayWhereTheRulesLeftThem(string kind, string lang, int atLeast)
    {
        var language = Languages.Parse(lang);
        var report = new ScopeReport(SharedMatching.Recognizer(ContentLibrary.Default), ScopeSets.Holdout3Set);
        var right = (int)Math.Round(report.Recall(kind, language) * 30);

        Assert.True(right >= atLeast, $"{kind} {lang}: {right}/30, at least {atLeast} expected.");
    }
}
