using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// An outcome's <c>skipDoNow</c> names steps its topic has, each once, and never all of them; the content's
/// own markers pass that check, and only answers that tell the organisation's stance carry one.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SkipDoNowTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly Topic Divergent = Content.Topic("divergent-opinions");

    private static SituationOutcome Skipping(params int[] steps) => new() { Topic = Divergent.Id, SkipDoNow = [.. steps] };

    [Fact]
    public void AStepTheTopicHas_IsAccepted() => Assert.Null(ContentChecks.SkipProblem(Skipping(1), Divergent));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void AStepTheTopicDoesNotHave_IsRejected(int step) =>
        Assert.Contains("does not have", ContentChecks.SkipProblem(Skipping(step), Divergent), StringComparison.Ordinal);

    [Fact]
    public void AStepNamedTwice_IsRejected() =>
        Assert.Contains("twice", ContentChecks.SkipProblem(Skipping(2, 2), Divergent), StringComparison.Ordinal);

    [Fact]
    public void SkippingEveryStep_IsRejected() =>
        Assert.Contains("leaves none", ContentChecks.SkipProblem(Skipping(1, 2, 3, 4), Divergent), StringComparison.Ordinal);

    [Fact]
    public void TheContentsMarkers_FitTheirTopics_AndAreOnAnswersAboutTheOrganisationsStance()
    {
        var marked = Content.Situations
            .SelectMany(s => s.Questions.SelectMany(q => q.Options.Where(o => o.Outcome?.SkipDoNow.Count > 0).Select(o => (s, q, o))))
            .ToList();
        Assert.NotEmpty(marked);
        foreach (var (situation, question, option) in marked)
        {
            Assert.Null(ContentChecks.SkipProblem(option.Outcome!, Content.Topic(option.Outcome!.Topic)));
            // Only a question about the organisation ("our", "the organisation") can settle a step that says "check the organisation's …".
            Assert.Matches("organisation|[Oo]ur ", question.Text(Language.En));
            foreach (var step in option.Outcome!.SkipDoNow)
            {
                Assert.Contains("Check", Content.Topic(option.Outcome.Topic).En.DoNow[step - 1], StringComparison.Ordinal);
            }
        }
    }
}
