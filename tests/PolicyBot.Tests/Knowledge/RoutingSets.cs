using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>One held-out routing question and the topic it belongs to.</summary>
public sealed record RoutingQuestion(
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("topic")] string Topic)
{
    public Language Language => Languages.Parse(Lang);
}

/// <summary>
/// The held-out routing questions in tests/PolicyBot.Tests/Data. None of them is an example of the content:
/// <list type="bullet">
/// <item><c>routing-dev-set.json</c> (114): the development set. Its figures were looked at when
/// comparing ways of matching, so it is no longer blind;</item>
/// <item><c>routing-test-set.json</c> (190): written later by someone who saw neither the examples, nor the
/// dev set, nor the matcher, from the guide and the topics' guidance only. It is the honest measure.</item>
/// </list>
/// </summary>
public static class RoutingSets
{
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Dev = new(() => Load("routing-dev-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Test = new(() => Load("routing-test-set.json"));

    public static IReadOnlyList<RoutingQuestion> DevSet => Dev.Value;

    public static IReadOnlyList<RoutingQuestion> TestSet => Test.Value;

    /// <summary>The repository root: the first folder above the test binaries that holds PolicyBot.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No PolicyBot.sln above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<RoutingQuestion> Load(string file)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "PolicyBot.Tests", "Data", file);
        return JsonSerializer.Deserialize<List<RoutingQuestion>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
