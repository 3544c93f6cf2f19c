using System.Text.Json.Nodes;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// The bot's own binder (<see cref="CardTemplate"/>) gives exactly the card Microsoft's
/// adaptivecards-templating gives, for every template and sample.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TemplateParityTests
{
    [Fact]
    public async Task CSharpBinder_MatchesAdaptiveCardsTemplatingForEverySample()
    {
        var samples = CardSamples.All(new GuidelineCards(ContentLibrary.Default));
        var cases = new JsonArray();
        foreach (var sample in samples)
        {
            cases.Add(new JsonObject
            {
                ["name"] = sample.Name,
                ["template"] = Path.Combine(Deployment.RepoPaths.Root, "cards", $"{sample.Template}.json"),
                ["data"] = Path.Combine(CardSamples.Folder, sample.FileName),
            });
        }

        var run = await NodeTools.RunWithInputAsync("expand.js", cases, TimeSpan.FromSeconds(60), "--batch");
        Assert.True(run.ExitCode == 0, $"expand.js failed ({run.ExitCode}): {run.Errors}");
        var expanded = JsonNode.Parse(run.Output)!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!);

        var mismatches = new List<string>();
        foreach (var sample in samples)
        {
            var reference = expanded[sample.Name];
            if (reference["error"] is { } error)
            {
                mismatches.Add($"{sample.Name}: adaptivecards-templating failed: {error}");
                continue;
            }
            var ours = CardTemplate.Expand(CardSamples.Template(sample.Template), CardSamples.Read(sample.Name));
            var theirs = reference["card"]!;
            if (Canonical(ours) != Canonical(theirs))
            {
                mismatches.Add($"{sample.Name}:\n  C#:   {Canonical(ours)}\n  node: {Canonical(theirs)}");
            }
        }
        Assert.True(mismatches.Count == 0, "The binder and adaptivecards-templating disagree:\n" + string.Join("\n", mismatches));
        Assert.Equal(samples.Count, expanded.Count);
    }

    /// <summary>JSON with object properties in ordinal order, so only content counts.</summary>
    internal static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };
}
