using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The matcher is built once, shared between threads, and deterministic (its speed is measured by the benchmark: <c>--only matcher</c>).</summary>
[Trait("Category", "Fast")]
public sealed class TopicMatcherTests
{
    [Fact]
    public void ConcurrentQuestions_GetTheSameAnswersAsSequentialOnes()
    {
        var matcher = TopicMatcher.Default;
        var questions = ContentLibrary.Default.Topics
            .SelectMany(t => t.Fr.Examples.Take(5).Select(e => (e, Language.Fr)).Concat(t.En.Examples.Take(5).Select(e => (e, Language.En))))
            .ToList();
        var sequential = questions.Select(q => matcher.Match(q.Item1, q.Item2)).ToList();

        var concurrent = new MatchResult[questions.Count];
        Parallel.For(0, questions.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var q = questions[i % questions.Count];
            concurrent[i % questions.Count] = matcher.Match(q.Item1, q.Item2);
        });

        for (var i = 0; i < questions.Count; i++)
        {
            Assert.Equal(sequential[i].Language, concurrent[i].Language);
            Assert.Equal(sequential[i].Ranked, concurrent[i].Ranked);
            Assert.Equal(sequential[i].Confidence, concurrent[i].Confidence);
        }
    }

    [Fact]
    public void Default_IsOneSharedInstance()
    {
        Assert.Same(TopicMatcher.Default, TopicMatcher.Default);
    }

    [Fact]
    public void TwoMatchersBuiltFromTheSameContent_AnswerExactlyAlike()
    {
        // The classifier is trained when the matcher is built; a fixed order makes every instance (every
        // bot instance, every restart) rank the same way.
        var first = new TopicMatcher(ContentLibrary.Default);
        var second = new TopicMatcher(ContentLibrary.Default);
        var questions = ContentLibrary.Default.Topics
            .SelectMany(t => t.Fr.Examples.Take(3).Select(e => (e, Language.Fr)).Concat(t.En.Examples.Take(3).Select(e => (e, Language.En))))
            .ToList();

        foreach (var (text, language) in questions)
        {
            var a = first.Match(text, language);
            var b = second.Match(text, language);
            Assert.Equal(a.Ranked, b.Ranked);
            Assert.Equal(a.Confidence, b.Confidence);
        }
    }
}
