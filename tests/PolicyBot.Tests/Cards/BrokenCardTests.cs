using System.Text.Json.Nodes;
using PolicyBot.Cards;
using PolicyBot.Tests.Deployment;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// The checks catch what they are for: each deliberately broken template in <c>Cards/Broken/</c>
/// fails exactly the check its <c>expect</c> names, and hostile text stays harmless text.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BrokenCardTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "PolicyBot.Tests", "Cards", "Broken");

    [Fact]
    public async Task EachBrokenTemplate_FailsTheCheckItIsAbout()
    {
        var fixtures = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Fixture: JsonNode.Parse(File.ReadAllText(f))!))
            .ToList();
        Assert.NotEmpty(fixtures);
        var cards = fixtures.Select(f => (f.Name, (JsonNode)CardTemplate.Expand(f.Fixture["template"]!, f.Fixture["data"]))).ToList();

        var results = await CardValidation.ValidateAsync(cards);

        foreach (var (name, fixture) in fixtures)
        {
            var expected = fixture["expect"]!.AsArray().Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            var failed = results[name].Select(p => p.Check).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(failed),
                $"{name}: expected the checks [{string.Join(", ", expected)}] to fail, got [{string.Join(", ", failed)}]:\n{CardValidation.Describe(results)}");
        }
    }

    [Fact]
    public void HostileText_KeepsItsQuotesButLosesItsLinkAndExpression()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "hostile-text.json")))!;

        var card = CardTemplate.Expand(fixture["template"]!, fixture["data"]);
        var reparsed = JsonNode.Parse(card.ToJsonString())!;

        const string shown = "She wrote \"call me\" — see [my page] (http://x) and $ {x}";
        Assert.Equal(shown, reparsed["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Quoted: " + shown, reparsed["body"]![1]!["text"]!.GetValue<string>());
        Assert.Equal(shown, reparsed["actions"]![0]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("](", reparsed.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("${", reparsed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACardOverTwentyEightKilobytes_FailsTheSizeCheck()
    {
        var template = JsonNode.Parse("""
            { "type": "AdaptiveCard", "version": "1.5", "body": [{ "$data": "${lines}", "type": "TextBlock", "text": "${text}", "wrap": true }] }
            """)!;
        var lines = new JsonArray();
        for (var i = 0; i < 300; i++) lines.Add(new JsonObject { ["text"] = $"{i:D3}. " + new string('x', 100) });

        var card = CardTemplate.Expand(template, new JsonObject { ["lines"] = lines });
        var results = await CardValidation.ValidateAsync([("oversized", card)]);

        Assert.Equal(["size"], results["oversized"].Select(p => p.Check));
    }
}
