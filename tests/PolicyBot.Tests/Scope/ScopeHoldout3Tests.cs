using PolicyBot.Knowledge;
using PolicyBot.Matching;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The last honest measure of the scope data: <c>Data/scope-holdout3-set.json</c> (crisis 60, legal, unrelated
/// and greeting 30 each, per language), written blind by a helper who read only the guide and the topic
/// catalogue, after the first held-out set had been spent on the data (see <c>Data/BLIND-SETS.md</c>).
/// Nobody working on the scope data has seen it; only its figures were looked at, twice, never a message:
/// <list type="bullet">
/// <item>on the scope data as merged before the held-out set was spent: crisis fr 30/60 (50.0%), en 40/60
/// (66.7%); greeting 20/30, 16/30; legal 22/30, 28/30; unrelated 19/30, 28/30;</item>
/// <item>on the data after the first held-out set's misses were worked on (its own figures went to 40/40 in
/// each language): crisis fr 43/60 (71.7%), en 50/60 (83.3%); greeting 26/30, 24/30; legal 23/30, 28/30;
/// unrelated 17/30, 27/30. The same in both locale settings.</item>
/// </list>
/// So the issue's bar, every crisis message recognised, is <b>not met</b> on messages nobody has tuned for: about
/// one crisis message in five (French) to one in six (English) written in new words still gets no safety card.
/// The test stays, skipped with those figures, until the recognition is rebuilt to reach it.
/// </summary>
public sealed class ScopeHoldout3Tests(ITestOutputHelper output)
{
    [Theory(Skip = "Not met: crisis recall on this blind set is fr 43/60 (71.7%), en 50/60 (83.3%); see the summary.")]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_crisis_message_of_the_third_set_is_recognised_in_each_language(bool otherLocale)
    {
        var report = new ScopeReport(ScopeRecognizer.Default, ScopeSets.Holdout3Set, m => otherLocale ? m.Language.Other() : m.Language);
        var text = report.Describe($"Scope holdout 3, locale = {(otherLocale ? "the other language" : "message language")}");
        output.WriteLine(text);
        Console.WriteLine(text);

        Assert.Equal(1.0, report.Recall("crisis", Language.Fr));
        Assert.Equal(1.0, report.Recall("crisis", Language.En));
    }
}
