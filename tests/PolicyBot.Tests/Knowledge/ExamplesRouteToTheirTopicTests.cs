using PolicyBot.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// Every example question of every topic, asked back, gets its own topic first: accuracy on the training examples
/// themselves, a sweep over the whole data set (Sets); the honest measures are the cross-validation and the routing sets.
/// </summary>
[Trait("Category", "Sets")]
public sealed class ExamplesRouteToTheirTopicTests(ITestOutputHelper output)
{
    public static TheoryData<string> Locales => new() { "same", "other" };

    [Theory]
    [MemberData(nameof(Locales))]
    public void EveryExample_GetsItsOwnTopicFirst(string locale)
    {
        var matcher = SharedMatching.Matcher(ContentLibrary.Default);
        var misses = new List<string>();
        var count = 0;
        foreach (var topic in ContentLibrary.Default.Topics)
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                foreach (var example in topic.Text(language).Examples)
                {
                    count++;
                    var result = matcher.Match(example, locale == "same" ? language : language.Other());
                    if (result.Best?.TopicId != topic.Id)
                    {
                        misses.Add($"[{language.Code()}→{result.Language.Code()}] {topic.Id} got {result.Best?.TopicId ?? "nothing"}: {example}");
                    }
                }
            }
        }
        output.WriteLine($"{count - misses.Count}/{count} examples route to their own topic (locale: {locale}).");
        foreach (var miss in misses) output.WriteLine(miss);
        Assert.Empty(misses);
    }
}
