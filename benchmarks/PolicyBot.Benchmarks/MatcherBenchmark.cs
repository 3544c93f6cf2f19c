using System.Diagnostics;
using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Benchmarks;

/// <summary>
/// How long the topic matcher takes to build (both languages' indexes and classifiers, as at start-up)
/// and to answer one question, asked every example question of the content in the other locale.
/// </summary>
internal static class MatcherBenchmark
{
    public static void Run()
    {
        var content = ContentLibrary.Default;
        _ = new TopicMatcher(content); // JIT and the analysers' static tables, as the warm-up service does at start

        var builds = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            _ = new TopicMatcher(content);
            builds.Add(watch.Elapsed.TotalMilliseconds);
        }

        var matcher = new TopicMatcher(content);
        var questions = content.Topics
            .SelectMany(t => t.Fr.Examples.Select(e => (Text: e, Language: Language.En)).Concat(t.En.Examples.Select(e => (Text: e, Language: Language.Fr))))
            .ToList();
        foreach (var (text, language) in questions) matcher.Match(text, language);

        var latencies = new List<double>(questions.Count * 3);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (text, language) in questions)
            {
                var start = Stopwatch.GetTimestamp();
                matcher.Match(text, language);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000);
            }
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        latencies.Sort();
        builds.Sort();

        Console.WriteLine($"topic matcher: build (both languages) median {builds[builds.Count / 2]:0} ms, min {builds[0]:0} ms; " +
            $"one question p50 {latencies[latencies.Count / 2]:0} µs, p99 {latencies[(int)(latencies.Count * 0.99)]:0} µs, " +
            $"{allocated / 1024.0 / latencies.Count:0.0} KB allocated per question ({questions.Count} example questions × 3)");

        RunScope(content, questions);
    }

    /// <summary>
    /// The scope recogniser (danger, legal, unrelated, small talk: the rules, then the small models) on the same
    /// questions: it reads every typed message before the topic matcher does, and each round of scope rules adds to it.
    /// </summary>
    private static void RunScope(ContentLibrary content, List<(string Text, Language Language)> questions)
    {
        var watch = Stopwatch.StartNew();
        var recognizer = SharedMatching.Recognizer(content);
        var build = watch.Elapsed.TotalMilliseconds;
        foreach (var (text, language) in questions) recognizer.Recognize(text, language);

        var latencies = new List<double>(questions.Count * 3);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (text, language) in questions)
            {
                var start = Stopwatch.GetTimestamp();
                recognizer.Recognize(text, language);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000);
            }
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        latencies.Sort();

        Console.WriteLine($"scope recogniser: build (rules and models, both languages) {build:0} ms; " +
            $"one message p50 {latencies[latencies.Count / 2]:0} µs, p99 {latencies[(int)(latencies.Count * 0.99)]:0} µs, " +
            $"{allocated / 1024.0 / latencies.Count:0.0} KB allocated per message (the same questions)");
    }
}
