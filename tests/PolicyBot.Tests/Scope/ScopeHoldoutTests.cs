using PolicyBot.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// Issue 12's measure of the scope data: <c>Data/scope-holdout-set.json</c>, 40 messages per kind and language
/// written by a helper who read only the guide and the topic catalogue (see <c>Data/BLIND-SETS.md</c>).
/// Every crisis message must get the safety card, in each language, whatever the user's Teams locale; the
/// other kinds are reported (their misses cost a worker a menu, not her safety).
/// FIRST_RUN
/// </summary>
public sealed class ScopeHoldoutTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_crisis_message_of_the_holdout_set_is_recognised_in_each_language(bool otherLocale)
    {
        var report = new ScopeReport(ScopeRecognizer.Default, ScopeSets.HoldoutSet, m => otherLocale ? m.Language.Other() : m.Language);
        var text = report.Describe($"Scope holdout set, locale = {(otherLocale ? "the other language" : "message language")}");
        output.WriteLine(text);
        Console.WriteLine(text);

        Assert.Equal(1.0, report.Recall("crisis", Language.Fr));
        Assert.Equal(1.0, report.Recall("crisis", Language.En));
    }

    [Fact]
    public void The_holdout_set_has_40_messages_per_kind_and_language()
    {
        var counts = ScopeSets.HoldoutSet.GroupBy(m => (m.Kind, m.Language)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(40, n));
    }
}
