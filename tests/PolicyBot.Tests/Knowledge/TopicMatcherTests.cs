using PolicyBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Matching;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The matcher is built once per content, shared between threads and hosts, and deterministic (its speed is measured by the benchmark: <c>--only matcher</c>).</summary>
[Trait("Category", "Fast")]
public sealed class TopicMatcherTests
{
    [Fact]
    public void ConcurrentQuestions_GetTheSameAnswersAsSequentialOnes()
    {
        var matcher = SharedMatching.Matcher(ContentLibrary.Default);
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
    public async Task BotsOverTheSameContent_ShareOneMatcherAndRecognizer_ButNotTheirStorage()
    {
        await using var first = new BotTestServices();
        await using var second = new BotTestServices();

        Assert.Same(first.Services.GetRequiredService<TopicMatcher>(), second.Services.GetRequiredService<TopicMatcher>());
        Assert.Same(first.Services.GetRequiredService<ScopeRecognizer>(), second.Services.GetRequiredService<ScopeRecognizer>());
        Assert.Same(SharedMatching.Matcher(ContentLibrary.Default), first.Services.GetRequiredService<TopicMatcher>());
        Assert.NotSame(first.Storage, second.Storage);
    }

    [Fact]
    public void ContentLoadedAgain_GetsItsOwnMatcher_WhichAnswersExactlyAlike()
    {
        // The classifier is trained when the matcher is built; a fixed order makes every instance (every
        // bot instance, every restart) rank the same way. The shared matcher against the one of content loaded again.
        var first = SharedMatching.Matcher(ContentLibrary.Default);
        var other = ContentLibrary.LoadShipped();
        var second = SharedMatching.Matcher(other);
        Assert.NotSame(first, second);
        Assert.Same(second, SharedMatching.Matcher(other));
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
