using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// The welcome card, as Teams shows it on install: its most important sentence — don't type names,
/// places or details about a survivor — comes first, in both languages, with weight (bold, full size, in
/// its own box) rather than colour; and the greeting comes once per install.
/// </summary>
[Trait("Category", "Fast")]
public sealed class WelcomeCardTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("en-US", "en")]
    public async Task ThePrivacyLine_ComesRightAfterTheTitle_InBold_InHerLanguageFirst(string locale, string lang)
    {
        var first = Languages.Parse(lang);
        var adapter = _bot.Adapter(locale: locale);
        Activity? welcome = null;

        await _bot.Flow(adapter).Send(adapter.MakeBotAdded()).AssertReply(reply => welcome = reply).StartTestAsync();

        var blocks = TextBlocks(CardReader.Cards(welcome!).Single()).ToList();
        Assert.Equal(Content.Ui("welcome.title", first), blocks[0].Text);
        foreach (var (block, language) in new[] { (blocks[1], first), (blocks[2], first.Other()) })
        {
            Assert.Equal(Content.Ui("welcome.privacy", language), block.Text);
            Assert.Equal("Bolder", block.Weight);
            Assert.False(block.Subtle, "the privacy line must not be greyed");
            Assert.NotEqual("Small", block.Size);
            Assert.Null(block.Color);
        }
        // Nothing else on the card is both bold and larger than body text, apart from the title.
        Assert.Equal(3, blocks.Count(b => b.Weight == "Bolder" && b.Size is "Medium" or "Large"));
        Assert.Equal(2, blocks.Count(b => b.Text.Contains(Content.Ui("welcome.privacy", Language.En), StringComparison.Ordinal)
            || b.Text.Contains(Content.Ui("welcome.privacy", Language.Fr), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InstallingSendsBothEvents_AndTheWelcomeComesOnce()
    {
        var adapter = _bot.Adapter(locale: "en-US");
        var install = adapter.MakeActivity(ActivityTypes.InstallationUpdate);
        install.Action = "add";

        await _bot.Flow(adapter)
            .Send(install)
            .AssertReplyContains(Content.Ui("welcome.privacy", Language.En), Content.Ui("welcome.privacy", Language.Fr))
            .Send(adapter.MakeBotAdded())
            .AssertNoReply()
            .StartTestAsync();
    }

    private sealed record Block(string Text, string? Weight, string? Size, bool Subtle, string? Color);

    /// <summary>The card's TextBlocks in reading order, with what makes them stand out.</summary>
    private static IEnumerable<Block> TextBlocks(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var block in TextBlocks(item)) yield return block;
            }
        }
        if (element.ValueKind != JsonValueKind.Object) yield break;
        if (element.TryGetProperty("type", out var type) && type.GetString() == "TextBlock")
        {
            string? Get(string name) => element.TryGetProperty(name, out var v) ? v.GetString() : null;
            yield return new Block(Get("text") ?? "", Get("weight"), Get("size"),
                element.TryGetProperty("isSubtle", out var subtle) && subtle.GetBoolean(), Get("color"));
            yield break;
        }
        foreach (var name in new[] { "body", "items" })
        {
            if (element.TryGetProperty(name, out var children))
            {
                foreach (var block in TextBlocks(children)) yield return block;
            }
        }
    }
}
