using System.Diagnostics;
using PolicyBot.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The matcher is built once, shared between threads, and fast.</summary>
public sealed class TopicMatcherTests(ITestOutputHelper output)
{
    [Fact]
    public void Concurrent_questions_get_the_same_answers_as_sequential_ones()
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
    public void Default_is_one_shared_instance()
    {
        Assert.Same(TopicMatcher.Default, TopicMatcher.Default);
    }

    [Fact]
    public void Building_the_indexes_takes_well_under_a_second_and_a_question_well_under_two_milliseconds()
    {
        var content = ContentLibrary.Default;
        _ = new TopicMatcher(content); // warm up: JIT, Lucene's static tables

        var build = Enumerable.Range(0, 3).Select(run =>
        {
            var watch = Stopwatch.StartNew();
            _ = new TopicMatcher(content);
            return watch.Elapsed.TotalMilliseconds;
        }).Min();

        var matcher = new TopicMatcher(content);
        var questions = content.Topics
            .SelectMany(t => t.Fr.Examples.Select(e => (e, Language.Fr)).Concat(t.En.Examples.Select(e => (e, Language.En))))
            .ToList();
        foreach (var (q, l) in questions) matcher.Match(q, l);
        var perMatch = Enumerable.Range(0, 3).Select(run =>
        {
            var watch = Stopwatch.StartNew();
            foreach (var (q, l) in questions) matcher.Match(q, l.Other());
            return watch.Elapsed.TotalMilliseconds / questions.Count;
        }).Min();

        output.WriteLine($"index build (both languages, warm): {build:F0} ms; one Match: {perMatch * 1000:F0} µs (average over {questions.Count} questions)");
        Assert.InRange(build, 0, 1000);
        Assert.InRange(perMatch, 0, 2);
    }
}
