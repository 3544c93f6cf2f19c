using System.Text.Json.Nodes;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Cards;

/// <summary>Runs <c>tools/cards/validate.js</c> once over many cards and reads its report.</summary>
internal static class CardValidation
{
    public sealed record Problem(string Check, string Message, string? Path);

    /// <summary>The problems of each card, by name; a card without problems maps to an empty list.</summary>
    public static async Task<Dictionary<string, List<Problem>>> ValidateAsync(IEnumerable<(string Name, JsonNode Card)> cards)
    {
        var list = new JsonArray();
        foreach (var (name, card) in cards) list.Add(new JsonObject { ["name"] = name, ["card"] = card.DeepClone() });
        var input = new JsonObject
        {
            ["topics"] = new JsonArray([.. ContentLibrary.Default.Topics.Select(t => (JsonNode)JsonValue.Create(t.Id))]),
            ["cards"] = list,
        };
        var run = await NodeTools.RunWithInputAsync("validate.js", input, TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode is 0 or 1, $"validate.js failed ({run.ExitCode}): {run.Errors}");
        var report = JsonNode.Parse(run.Output)!;
        var results = new Dictionary<string, List<Problem>>(StringComparer.Ordinal);
        foreach (var result in report["results"]!.AsArray())
        {
            results[result!["name"]!.GetValue<string>()] = [.. result["problems"]!.AsArray().Select(p => new Problem(
                p!["check"]!.GetValue<string>(), p["message"]!.GetValue<string>(), p["path"]?.GetValue<string>()))];
        }
        Assert.Equal(list.Count, results.Count);
        return results;
    }

    /// <summary>One line per problem, for a failure message.</summary>
    public static string Describe(Dictionary<string, List<Problem>> results) =>
        string.Join("\n", results.Where(r => r.Value.Count > 0)
            .SelectMany(r => r.Value.Select(p => $"{r.Key}: [{p.Check}] {p.Message}{(p.Path is null ? "" : $" at {p.Path}")}")));
}
