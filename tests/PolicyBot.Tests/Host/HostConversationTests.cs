using System.Net;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>The whole path over HTTP: activity in at /api/messages, replies out to the Connector at serviceUrl.</summary>
[Trait("Category", "Host")]
public sealed class HostConversationTests : HostTestBase
{
    [Fact]
    public async Task AMessage_IsAnsweredAtTheServiceUrl_AsAReplyToIt()
    {
        var message = Teams.Message("menu");

        var response = await Host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{Teams.ConversationId}/activities/{message.Id}", request.Path);
        Assert.Equal(message.Id, request.Activity!.ReplyToId);
        Assert.Equal(TeamsActivities.BotId, request.Activity.From!.Id);
        Assert.Contains("What situation are you facing?", CardReader.VisibleText(request.Activity));
        Assert.True(string.IsNullOrEmpty(request.Authorization), "local mode sends replies without a token");
    }

    [Fact]
    public async Task Installing_TheBot_ShowsTheBilingualWelcome_Once()
    {
        var install = Teams.Of(ActivityTypes.InstallationUpdate);
        install.Action = "add";

        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(install)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(Teams.BotAdded())).StatusCode);

        var welcome = Assert.Single(Connector.Messages);
        var text = CardReader.VisibleText(welcome);
        Assert.Contains("PolicyBot, in English", text);
        Assert.Contains("PolicyBot, en français", text);
        Assert.Contains("[Pick a situation]", text);
    }

    [Fact]
    public async Task AHostileComment_ByButtons_EndsOnTheGuidelineCard_AndStateIsSaved()
    {
        await Host.PostAsync(Teams.Submit(new { action = "situation", situation = "hostile-comment" }));
        var question = Connector.Messages[^1];
        Assert.Contains("What does the comment mainly contain?", CardReader.VisibleText(question));

        var identifying = CardReader.FindAction(question, "Details that identify someone")!;
        await Host.PostAsync(Teams.Submit(identifying.Data!.Value));

        var guideline = Connector.Messages[^1];
        var text = CardReader.VisibleText(guideline);
        Assert.Contains("Source: social-media policy guide (in French), section \"Contenu inacceptable\"", text);
        Assert.Contains("\"topic\":\"unacceptable-content\"", System.Text.Json.JsonSerializer.Serialize(guideline.Attachments![0].Content));

        // A personal chat's state is kept inside her user document.
        Assert.NotNull(await StoredChat.ReadAsync(new FileStorage(Host.DataFolder), Teams.UserId, Teams.ConversationId));
    }

    [Fact]
    public async Task TheHost_NeverLogsWhatTheUserTyped()
    {
        await Host.PostAsync(Teams.Message("zebra-quartz-unique-words about a comment"));
        await Host.PostAsync(Teams.Message("zebra-quartz-unique-words"));

        Assert.NotEmpty(Host.Logs.Lines);
        Assert.DoesNotContain(Host.Logs.Lines, line => line.Contains("zebra-quartz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameActivityDeliveredTwice_GetsOneReply()
    {
        var message = Teams.Message("menu", id: "1700000000777");

        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(message)).StatusCode);

        Assert.Single(Connector.Messages);
    }

    [Fact]
    public async Task TwentyMessagesSentAtOnce_AreAllProcessed_OneAtATimeInOrder_AndTheStateHasAllTwenty()
    {
        var messages = Enumerable.Range(0, 20).Select(i => Teams.Message("menu", id: $"1700000001{i:D3}")).ToList();

        var responses = await Task.WhenAll(messages.Select(m => Host.PostAsync(m)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var replies = Connector.Messages;
        Assert.Equal(20, replies.Count);
        var recorded = await StoredChat.HandledAsync(new FileStorage(Host.DataFolder), Teams.UserId, Teams.ConversationId);
        Assert.Equal(messages.Select(m => m.Id).Order(), recorded.Order());
        // The turns ran one after another: replies went out in the order the turns were recorded.
        Assert.Equal(recorded, replies.Select(r => r.ReplyToId));
    }

    [Fact]
    public async Task InAChannel_TheBotAnswersOnlyWhenMentioned_InTheThread()
    {
        var channel = new TeamsActivities(Connector.ServiceUrl, "19:general@thread.tacv2;messageid=1700000000100") { ConversationType = "channel" };

        await Host.PostAsync(channel.Message("menu"));
        Assert.Empty(Connector.Messages);

        var mention = channel.Mention("menu");
        await Host.PostAsync(mention);

        var reply = Assert.Single(Connector.Messages);
        Assert.Equal("19:general@thread.tacv2;messageid=1700000000100", reply.Conversation!.Id);
        Assert.Equal(mention.Id, reply.ReplyToId);
        Assert.Contains("What situation are you facing?", CardReader.VisibleText(reply));
    }

    [Fact]
    public async Task ARepliesThatCouldNotBeDelivered_AreSentWhenTeamsRedeliversTheActivity_WithoutRunningTheTurnAgain()
    {
        await Host.PostAsync(Teams.Submit(new { action = "situation", situation = "hostile-comment" }));
        var question = Connector.Messages[^1];
        var answer = Teams.Submit(CardReader.FindAction(question, "Disagreement or criticism")!.Data!.Value);
        for (var i = 0; i < 4; i++) Connector.Fail(HttpStatusCode.ServiceUnavailable); // more than the retries

        var failed = await Host.PostAsync(answer);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Single(Connector.Messages);

        var redelivered = await Host.PostAsync(answer);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(2, Connector.Messages.Count);
        Assert.Contains("What is the organisation's stance on comments?", CardReader.VisibleText(Connector.Messages[1]));
        // Once delivered, a further re-delivery is dropped, and the conversation goes on from the second question.
        Assert.Equal(HttpStatusCode.OK, (await Host.PostAsync(answer)).StatusCode);
        Assert.Equal(2, Connector.Messages.Count);
        await Host.PostAsync(Teams.Message("1"));
        Assert.Contains("Responding to differing opinions and inaccuracies", CardReader.VisibleText(Connector.Messages[^1]));
    }
}
