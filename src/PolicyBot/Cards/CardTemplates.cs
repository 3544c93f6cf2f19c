using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PolicyBot.Cards;

/// <summary>The card templates of <c>cards/</c>, shipped beside this assembly (<see cref="Knowledge.ShippedFiles"/>) and parsed once.</summary>
public static class CardTemplates
{
    private static readonly ConcurrentDictionary<string, JsonNode> Parsed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, CardTemplate.Compiled> Compiled = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } =
        [.. Knowledge.ShippedFiles.Names
            .Where(n => n.StartsWith("cards/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["cards/".Length..^".json".Length])];

    public static JsonNode Get(string name) => Parsed.GetOrAdd(name, Load);

    /// <summary>Expands the named template with <paramref name="data"/> into a card (the template is read once, <see cref="CardTemplate.Compile"/>).</summary>
    public static JsonObject Expand(string name, JsonNode data) => Compiled.GetOrAdd(name, static n => CardTemplate.Compile(Get(n))).Expand(data);

    private static JsonNode Load(string name)
    {
        using var stream = Knowledge.ShippedFiles.Open($"cards/{name}.json")
            ?? throw new KeyNotFoundException($"No card template '{name}' in cards/.");
        return JsonNode.Parse(stream) ?? throw new InvalidDataException($"cards/{name}.json is empty.");
    }
}
