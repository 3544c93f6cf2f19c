using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Universal Actions on guideline cards: in a channel the card has an "Update" Action.Execute; the bot
/// answers the <c>adaptiveCard/action</c> invoke with the topic's current card in the viewer's language.
/// </summary>
[Trait("Category", "Fast")]
public sealed class GuidelineRefreshTests : IDisposable
{
    private const string Topic = "what-to-post";
    private readonly ScriptedConversation _bot = new();
    private readonly TopicText _english = ContentLibrary.Default.Topic(Topic).En;
    private readonly TopicText _french = ContentLibrary.Default.Topic(Topic).Fr;

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task UpdateOnAGuidelineInAChannel_AnswersWithTheCurrentCardInPlace()
    {
        var channel = _bot.NewAdapter(TestAdapter.ChannelThread());

        await new TestFlow(channel, _bot.Bot)
            .Submit(new { action = CardActions.Topic, topic = Topic, direct = true })
            .AssertReply(reply =>
            {
                var update = CardReader.FindAction(reply, "Update");
                Assert.NotNull(update);
                Assert.Equal("Action.Execute", update.Type);
                Assert.Equal(CardActions.RefreshGuidelineVerb, update.Verb);
                Assert.Equal(Topic, update.Data?.GetProperty("topic").GetString());
            }, "the guideline, with Update")
            .Click("Update")
            .AssertInvokeResponse(response => AssertCardResponse(response, _english.Title, "Update"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AFrenchViewer_GetsTheRefreshedCardInFrench()
    {
        var channel = _bot.NewAdapter(TestAdapter.ChannelThread("french-colleague"));
        channel.Locale = "fr-CA";
        var invoke = channel.MakeInvoke(InvokeNames.AdaptiveCardAction, new
        {
            action = new { type = "Action.Execute", verb = CardActions.RefreshGuidelineVerb, data = new { topic = Topic } },
            trigger = "automatic",
        });

        var response = await channel.SendAsync(invoke, _bot.Bot);

        AssertCardResponse(response, _french.Title, "Mettre à jour");
        Assert.Null(channel.GetNextReply());
    }

    [Fact]
    public async Task AGuidelineInAPersonalChat_HasNoUpdateButtonButStillCarriesItsRefresh()
    {
        var chat = _bot.NewAdapter(TestAdapter.PersonalChat());

        await new TestFlow(chat, _bot.Bot)
            .Submit(new { action = CardActions.Topic, topic = Topic, direct = true })
            .AssertReply(reply =>
            {
                Assert.DoesNotContain(CardReader.Actions(reply), a => a.Type == "Action.Execute");
                var refresh = CardReader.Cards(reply).Single().GetProperty("refresh");
                Assert.Equal(CardActions.RefreshGuidelineVerb, refresh.GetProperty("action").GetProperty("verb").GetString());
                Assert.Equal(Topic, refresh.GetProperty("action").GetProperty("data").GetProperty("topic").GetString());
                Assert.Equal(0, refresh.GetProperty("userIds").GetArrayLength());
            }, "the guideline, without Update")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheUpdateFallbackOnAnOlderClient_SendsTheCurrentCardAsAMessage()
    {
        var channel = _bot.NewAdapter(TestAdapter.ChannelThread());

        await new TestFlow(channel, _bot.Bot)
            .Submit(new { action = CardActions.Refresh, topic = Topic })
            .AssertReplyContains(_english.Title, "Update")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("someOtherVerb", Topic)]
    [InlineData(CardActions.RefreshGuidelineVerb, "no-such-topic")]
    public async Task AnUnknownVerbOrTopic_IsAnsweredWithAnErrorAndChangesNothing(string verb, string topic)
    {
        var channel = _bot.NewAdapter(TestAdapter.ChannelThread());
        var invoke = channel.MakeInvoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute", verb, data = new { topic } } });

        var response = await channel.SendAsync(invoke, _bot.Bot);

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(400, body.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, body.Type);
        Assert.Null(channel.GetNextReply());
    }

    private static void AssertCardResponse(InvokeResponse? response, string title, string updateTitle)
    {
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(200, body.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, body.Type);
        var card = JsonSerializer.SerializeToNode(body.Value, body.Value!.GetType(), BotJson.Options)!;
        var shown = CardReader.VisibleText(new Activity { Attachments = [Attachment.AdaptiveCard(card)] });
        Assert.Contains(title, shown, StringComparison.Ordinal);
        Assert.Contains($"[{updateTitle}]", shown, StringComparison.Ordinal);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
    }
}
