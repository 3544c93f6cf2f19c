using PolicyBot.Tests.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// A blind scope set's policy questions as a routing set, figures only: the issue's bar (top-1 90%, top-3 97%, in each
/// language) and the floors its runs reached, with each language as the user's locale. Each set's class says its runs.
/// </summary>
public abstract class BlindRoutingSetTests(ITestOutputHelper output, string set, double topOneFloor, double topThreeFloor)
    : RoutingSetTestBase(output, set + " policy questions", ScopeHoldout7And8Tests.PolicyQuestions(set), blind: true)
{
    [Fact]
    public void PolicyQuestions_RouteToTheirTopic_AtTheIssuesBar() =>
        CheckTheIssuesBar();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PolicyQuestions_KeepTheRoutingReached(bool otherLocale) =>
        CheckFloor(otherLocale, topOneFloor, topThreeFloor);
}
