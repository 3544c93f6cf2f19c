using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// The committed samples in <c>cards/samples/</c> equal what the bot builds from its content today.
/// Set <c>POLICYBOT_UPDATE_CARD_SAMPLES=1</c> to rewrite them after changing content or card data.
/// </summary>
[Trait("Category", "Fast")]
public sealed class CardSamplesTests
{
    private const string UpdateVariable = "POLICYBOT_UPDATE_CARD_SAMPLES";

    [Fact]
    public void CardSamples_AreCurrent()
    {
        var samples = CardSamples.All(new GuidelineCards(ContentLibrary.Default));
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (update) Directory.CreateDirectory(CardSamples.Folder);

        var stale = new List<string>();
        foreach (var sample in samples)
        {
            var path = Path.Combine(CardSamples.Folder, sample.FileName);
            var expected = CardSamples.Serialize(sample.Data);
            var actual = File.Exists(path) ? File.ReadAllText(path) : null;
            if (actual == expected) continue;
            if (update) File.WriteAllText(path, expected);
            else stale.Add(sample.FileName);
        }
        var extra = Directory.Exists(CardSamples.Folder)
            ? Directory.GetFiles(CardSamples.Folder, "*.json").Select(Path.GetFileName).Except(samples.Select(s => s.FileName)).ToList()
            : [];
        if (update) foreach (var file in extra) File.Delete(Path.Combine(CardSamples.Folder, file!));

        Assert.True(update || stale.Count == 0,
            $"cards/samples is out of date: {string.Join(", ", stale)}. Rewrite with {UpdateVariable}=1 dotnet test --filter CardSamples_AreCurrent.");
        Assert.True(update || extra.Count == 0, $"cards/samples has files no sample produces: {string.Join(", ", extra)}.");
    }

    [Fact]
    public void EveryTemplate_HasSamplesInBothLanguages()
    {
        var samples = CardSamples.All(new GuidelineCards(ContentLibrary.Default));
        foreach (var template in CardTemplates.Names)
        {
            Assert.Contains(samples, s => s.Template == template && s.Name.EndsWith(".en", StringComparison.Ordinal));
            Assert.Contains(samples, s => s.Template == template && s.Name.EndsWith(".fr", StringComparison.Ordinal));
        }
    }
}
