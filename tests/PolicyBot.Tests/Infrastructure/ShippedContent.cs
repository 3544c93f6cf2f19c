using System.Text.Json.Nodes;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>What the bot ships, read from its shipped files as they are, for tests that check every entry.</summary>
internal static class ShippedContent
{
    /// <summary>Every interface-string key of the shipped <c>content/ui*.json</c> files.</summary>
    public static IReadOnlyList<string> UiKeys { get; } = ReadUiKeys();

    private static List<string> ReadUiKeys()
    {
        var keys = new List<string>();
        foreach (var name in ShippedFiles.Names.Where(n => n.StartsWith("content/ui", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = ShippedFiles.OpenRequired(name);
            keys.AddRange(JsonNode.Parse(stream)!.AsObject().Select(entry => entry.Key));
        }
        return keys;
    }
}
