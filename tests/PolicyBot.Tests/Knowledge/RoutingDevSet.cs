using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>One held-out question of tests/PolicyBot.Tests/Data/routing-dev-set.json and the topic it belongs to.</summary>
public sealed record DevQuestion(
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("topic")] string Topic)
{
    public Language Language => Languages.Parse(Lang);
}

public static class RoutingDevSet
{
    private static readonly Lazy<IReadOnlyList<DevQuestion>> Questions = new(Load);

    public static IReadOnlyList<DevQuestion> All => Questions.Value;

    /// <summary>The repository root: the first folder above the test binaries that holds PolicyBot.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No PolicyBot.sln above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<DevQuestion> Load()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "PolicyBot.Tests", "Data", "routing-dev-set.json");
        return JsonSerializer.Deserialize<List<DevQuestion>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
