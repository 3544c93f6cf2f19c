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
        var (topicTimes, topicKb) = Measure(questions, (text, language) => matcher.Match(text, language));
        builds.Sort();

        Console.WriteLine($"topic matcher: build (both languages) median {builds[builds.Count / 2]:0} ms, min {builds[0]:0} ms; " +
            $"one question p50 {topicTimes[topicTimes.Count / 2]:0} µs, p99 {topicTimes[(int)(topicTimes.Count * 0.99)]:0} µs, " +
            $"{topicKb:0.0} KB allocated per question ({questions.Count} example questions × 3)");

        // The scope recogniser (danger, legal, unrelated, small talk: the rules, then the small models) reads every
        // typed message before the topic matcher does, and each round of scope rules adds to it.
        var built = Stopwatch.StartNew();
        var recognizer = SharedMatching.Recognizer(content);
        var build = built.Elapsed.TotalMilliseconds;
        var (scopeTimes, scopeKb) = Measure(questions, (text, language) => recognizer.Recognize(text, language));

        Console.WriteLine($"scope recogniser: build (rules and models, both languages) {build:0} ms; " +
            $"one message p50 {scopeTimes[scopeTimes.Count / 2]:0} µs, p99 {scopeTimes[(int)(scopeTimes.Count * 0.99)]:0} µs, " +
            $"{scopeKb:0.0} KB allocated per message (the same questions)");
    }

    /// <summary>
    /// Asks every question once to warm up, then three times more timed: the sorted times in µs, and the KB this
    /// thread allocated per question.
    /// </summary>
    private static (List<double> Times, double KbPerQuestion) Measure(List<(string Text, Language Language)> questions, Action<string, Language> ask)
    {
        foreach (var (text, language) in questions) ask(text, language);

        var times = new List<double>(questions.Count * 3);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (text, language) in questions)
            {
                var start = Stopwatch.GetTimestamp();
                ask(text, language);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000);
            }
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        times.Sort();
        return (times, allocated / 1024.0 / times.Count);
    }
}
