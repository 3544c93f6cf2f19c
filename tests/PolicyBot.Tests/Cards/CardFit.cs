using System.Text.Json.Nodes;
using PolicyBot.Tests.Deployment;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Runs <c>tools/cards/fit.js</c> once over many cards: each is drawn in headless Chromium with the Teams
/// host configs, light and dark, 446 px wide (a Teams card) and 320 px (a phone), and whatever text is
/// cut off or sticks out of the card is reported.
/// </summary>
internal static class CardFit
{
    public sealed record Card(string Name, string Language, JsonNode Content);

    public sealed record Problem(string Name, string Language, int Width, string Theme, string Kind, string Text, int Needed, int Available)
    {
        public override string ToString() =>
            $"{Name} — {Width} px, {Theme}, {Language}: {Kind} \"{Text}\" is cut off (needs {Needed} px, has {Available})";
    }

    public sealed record Report(int Cards, int Renders, string Font, IReadOnlyList<Problem> Problems);

    /// <summary>Where the PNGs of the cards that do not fit go (at most 20), for a person to look at.</summary>
    public static string ShotsFolder { get; } = Path.Combine(RepoPaths.Root, "artifacts", "card-fit");

    public static async Task<Report> CheckAsync(IEnumerable<Card> cards, params string[] args)
    {
        NodeTools.EnsureChromium();
        var input = new JsonArray();
        foreach (var card in cards)
        {
            input.Add(new JsonObject { ["name"] = card.Name, ["language"] = card.Language, ["card"] = card.Content.DeepClone() });
        }
        var run = await NodeTools.RunWithInputAsync("fit.js", input, TimeSpan.FromMinutes(5), [.. args, "--shots", ShotsFolder]);
        Assert.True(run.ExitCode is 0 or 1, $"fit.js failed ({run.ExitCode}): {run.Errors}");
        var report = JsonNode.Parse(run.Output)!;
        var problems = report["problems"]!.AsArray().Select(p => new Problem(
            p!["name"]!.GetValue<string>(), p["language"]!.GetValue<string>(), p["width"]!.GetValue<int>(), p["theme"]!.GetValue<string>(),
            p["kind"]!.GetValue<string>(), p["text"]!.GetValue<string>(), p["needed"]!.GetValue<int>(), p["available"]!.GetValue<int>())).ToList();
        Assert.Equal(input.Count, report["cards"]!.GetValue<int>());
        Assert.Equal(problems.Count > 0 ? 1 : 0, run.ExitCode);
        return new Report(report["cards"]!.GetValue<int>(), report["renders"]!.GetValue<int>(), report["font"]!.GetValue<string>(), problems);
    }

    /// <summary>One line per problem, for a failure message.</summary>
    public static string Describe(Report report) =>
        $"{report.Problems.Count} cut-off texts in {report.Problems.Select(p => p.Name).Distinct().Count()} of {report.Cards} cards "
        + $"(drawn in {report.Font}; PNGs in artifacts/card-fit/):\n" + string.Join("\n", report.Problems);

    /// <summary>
    /// The language of a card from the name the scripted conversation gives it: the person's part before
    /// the first '/' ("fr", "en-manager", "channel fr", "channel-manager en"), English when none is named.
    /// </summary>
    public static string LanguageOf(string name)
    {
        var who = name.Split('/')[0];
        return who.Split(' ', '-', '.').Contains("fr", StringComparer.Ordinal) ? "fr" : "en";
    }
}
