using System.Text.Json.Nodes;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Every card the bot can send fits Teams' card width: drawn by the Teams web renderer with the Teams host
/// configs, light and dark, 446 px wide and 320 px (a phone), in both languages, no button, text block,
/// fact set or input is cut off. Every template is covered: each must have samples in both languages
/// (<see cref="CardSamplesTests.EveryTemplate_HasSamplesInBothLanguages"/>), and every sample is drawn.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CardFitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EverySample_FitsOnDesktopAndOnAPhoneInBothThemes()
    {
        var samples = CardSamples.All(new GuidelineCards(ContentLibrary.Default));
        var cards = samples.Select(s => new CardFit.Card(s.Name, s.Name.Split('.')[^1],
            CardTemplate.Expand(CardSamples.Template(s.Template), CardSamples.Read(s.Name)))).ToList();

        var report = await CardFit.CheckAsync(cards);

        output.WriteLine($"{report.Cards} samples of {samples.Select(s => s.Template).Distinct().Count()} templates, {report.Renders} renders, in {report.Font}");
        Assert.True(report.Problems.Count == 0, CardFit.Describe(report));
        Assert.Equal(cards.Count * 4, report.Renders);
        foreach (var template in CardTemplates.Names) Assert.Contains(samples, s => s.Template == template);
    }

    [Fact]
    public async Task EveryCardOfTheScriptedConversation_FitsOnDesktopAndOnAPhoneInBothThemes()
    {
        using var conversation = new ScriptedConversation();
        await conversation.RunEverythingAsync();
        // The same card is often sent at several steps: draw each once, under the first step that sent it.
        var cards = conversation.Cards.Concat(ScriptedConversation.TopicChoiceCards())
            .DistinctBy(c => c.Card.ToJsonString())
            .Select(c => new CardFit.Card(c.Name, CardFit.LanguageOf(c.Name), c.Card))
            .ToList();

        var report = await CardFit.CheckAsync(cards);

        output.WriteLine($"{conversation.Cards.Count} cards sent, {report.Cards} different, {report.Renders} renders, in {report.Font}");
        Assert.True(report.Problems.Count == 0, CardFit.Describe(report));
        Assert.True(report.Cards > 200, $"Only {report.Cards} different cards were drawn; the script no longer walks every path.");
        Assert.Contains(cards, c => c.Language == "fr");
        Assert.Contains(cards, c => c.Language == "en");
    }

    [Fact]
    public async Task ACutOffButtonLineOrFact_IsReportedWithTheCardWidthThemeLanguageAndText()
    {
        const string longTitle = "A button title far too long to be read whole on a phone, or even in a chat";
        const string longLine = "A line that does not wrap is cut off with an ellipsis once it is wider than the card";
        const string longValue = "afactvaluethatisonelongwordwithnospacesandcannotwrapanywhereatall";
        static JsonNode Card(string body) => JsonNode.Parse($$"""{ "type": "AdaptiveCard", "version": "1.5", "body": [{{body}}] }""")!;
        CardFit.Card[] cards =
        [
            new("long-button", "en", Card($$"""{ "type": "ActionSet", "actions": [{ "type": "Action.Submit", "title": "{{longTitle}}", "data": { "action": "menu" } }] }""")),
            new("long-line", "fr", Card($$"""{ "type": "TextBlock", "text": "{{longLine}}", "wrap": false }""")),
            new("long-fact", "en", Card($$"""{ "type": "FactSet", "facts": [{ "title": "Short", "value": "{{longValue}}" }] }""")),
            new("fits", "fr", Card("""
                { "type": "TextBlock", "text": "A short line that wraps when it has to.", "wrap": true },
                { "type": "ActionSet", "actions": [{ "type": "Action.Submit", "title": "Menu", "data": { "action": "menu" } }] }
                """)),
        ];

        var report = await CardFit.CheckAsync(cards);

        Assert.DoesNotContain(report.Problems, p => p.Name == "fits");
        foreach (var theme in new[] { "light", "dark" })
        {
            foreach (var width in new[] { 446, 320 })
            {
                bool At(CardFit.Problem p) => p.Theme == theme && p.Width == width && p.Needed > p.Available;
                Assert.Contains(report.Problems, p => p is { Name: "long-button", Language: "en", Kind: "button", Text: longTitle } && At(p));
                Assert.Contains(report.Problems, p => p is { Name: "long-line", Language: "fr", Kind: "text", Text: longLine } && At(p));
                Assert.Contains(report.Problems, p => p is { Name: "long-fact", Kind: "fact set", Text: longValue } && At(p));
            }
        }
        var line = report.Problems.First(p => p is { Kind: "button", Width: 320, Theme: "dark" }).ToString();
        Assert.StartsWith($"long-button — 320 px, dark, en: button \"{longTitle}\" is cut off (needs ", line, StringComparison.Ordinal);
    }
}
