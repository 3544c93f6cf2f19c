using System.Text.Json.Nodes;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>What the bot ships, read from its assembly's embedded files as they are, for tests that check every entry.</summary>
internal static class ShippedContent
{
    /// <summary>Every interface-string key of the embedded <c>content/ui*.json</c> files.</summary>
    public static IReadOnlyList<string> UiKeys { get; } = ReadUiKeys();

    private static List<string> ReadUiKeys()
    {
        var assembly = typeof(ContentLibrary).Assembly;
        var keys = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("content/ui", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            keys.AddRange(JsonNode.Parse(stream)!.AsObject().Select(entry => entry.Key));
        }
        return keys;
    }
}
