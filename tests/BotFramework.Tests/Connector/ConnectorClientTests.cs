using System.Net;
using System.Text.Json;
using BotFramework.Connector;
using BotFramework.Schema;
using BotFramework.Tests.Schema;

namespace BotFramework.Tests.Connector;

/// <summary>The Connector calls on the wire, through a plain HttpClient (no retries) to a real local listener.</summary>
[Trait("Category", "Host")]
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string PersonalChat = "a:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWV5sQ";
    private const string PersonalChatEscaped = "a%3A1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWV5sQ";
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=123";
    private const string ChannelThreadEscaped = "19%3Aabc%40thread.tacv2%3Bmessageid%3D123";

    private FakeConnector _connector = null!;
    private readonly HttpClient _http = new();
    private readonly StaticTokenProvider _tokens = new("outbound-token");

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    // The fake Connector listens on http://127.0.0.1, trusted because it is listed (as Bot:AllowedServiceHosts does).
    private ConnectorClient Client(StaticTokenProvider? tokens = null) => new(_http, tokens ?? _tokens, new TrustedServiceUrls(["127.0.0.1"]));

    private Activity Outgoing(string conversationId, string text = "Filed.", string? replyToId = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ServiceUrl = _connector.ServiceUrl,
        ChannelId = Channels.MsTeams,
        Conversation = new ConversationAccount(conversationId, "personal"),
        From = new ChannelAccount("28:6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11", "PolicyBot"),
        Recipient = new ChannelAccount("29:1user", "Alex Wilber"),
        ReplyToId = replyToId,
    };

    [Theory]
    [InlineData(PersonalChat, PersonalChatEscaped, "1740819600123", "1740819600123")]
    [InlineData(ChannelThread, ChannelThreadEscaped, "1740819600123", "1740819600123")]
    [InlineData(ChannelThread, ChannelThreadEscaped, "f:8d6c/77 x?y#z", "f%3A8d6c%2F77%20x%3Fy%23z")]
    public async Task Reply_PostsToTheActivity_WithEscapedIds(string conversationId, string escapedConversation, string replyToId, string escapedReplyTo)
    {
        _connector.Enqueue(200, """{"id":"1740819600999"}""");

        var response = await Client().ReplyToActivityAsync(Outgoing(conversationId, replyToId: replyToId));

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{escapedConversation}/activities/{escapedReplyTo}", request.Target);
        Assert.Equal("1740819600999", response.Id);
    }

    [Fact]
    public async Task Send_PostsToTheConversation()
    {
        _connector.Enqueue(201, """{"id":"1740819601000"}""");

        var response = await Client().SendToConversationAsync(Outgoing(ChannelThread));

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{ChannelThreadEscaped}/activities", request.Target);
        Assert.Equal("1740819601000", response.Id);
    }

    [Fact]
    public async Task Update_PutsTheActivity()
    {
        var card = Outgoing(ChannelThread, "Updated card");
        card.Id = "1740819600123";
        _connector.Enqueue(200, """{"id":"1"}""");

        var response = await Client().UpdateActivityAsync(card);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{ChannelThreadEscaped}/activities/1740819600123", request.Target);
        ActivityJsonTests.AssertSameJson(WireJson.Serialize(card), request.Body);
        Assert.Equal("1", response.Id);
    }

    [Fact]
    public async Task Delete_DeletesTheActivity_WithoutABody()
    {
        _connector.Enqueue(200);

        await Client().DeleteActivityAsync(_connector.ServiceUrl, PersonalChat, "1740819600123");

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{PersonalChatEscaped}/activities/1740819600123", request.Target);
        Assert.Equal("", request.Body);
        Assert.Null(request.ContentType);
        Assert.Equal("Bearer outbound-token", request.Authorization);
    }

    [Fact]
    public async Task CreateConversation_PostsTheParameters_AndReadsTheNewConversation()
    {
        _connector.Enqueue(201, $$"""{"id":"{{ChannelThread}}","activityId":"123","serviceUrl":"{{_connector.ServiceUrl}}"}""");
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount("28:6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11", "PolicyBot"),
            Activity = Activity.CreateMessage("A new report was filed."),
            ChannelData = new { channel = new { id = "19:abc@thread.tacv2" }, tenant = new { id = "3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77" } },
            TenantId = "3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77",
        };

        var created = await Client().CreateConversationAsync(_connector.ServiceUrl, parameters);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations", request.Target);
        ActivityJsonTests.AssertSameJson(
            """
            {"isGroup":true,"bot":{"id":"28:6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11","name":"PolicyBot"},
             "activity":{"type":"message","text":"A new report was filed."},
             "channelData":{"channel":{"id":"19:abc@thread.tacv2"},"tenant":{"id":"3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77"}},
             "tenantId":"3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77"}
            """,
            request.Body);
        Assert.Equal(ChannelThread, created.Id);
        Assert.Equal("123", created.ActivityId);
        Assert.Equal(_connector.ServiceUrl, created.ServiceUrl);
    }

    [Fact]
    public async Task ServiceUrlWithoutTrailingSlash_KeepsItsPath()
    {
        var activity = Outgoing(PersonalChat);
        activity.ServiceUrl = _connector.ServiceUrl.TrimEnd('/');

        await Client().SendToConversationAsync(activity);

        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{PersonalChatEscaped}/activities", Assert.Single(_connector.Requests).Target);
    }

    [Fact]
    public async Task Body_IsTheActivityAsJson_WithTheBearerToken()
    {
        var activity = Outgoing(PersonalChat, "Ünïcödé & <b>markup</b> 🙂", replyToId: "1740819600123");
        activity.Attachments = [Attachment.AdaptiveCard(new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "Report" } } })];
        activity.Properties = new() { ["futureField"] = JsonSerializer.SerializeToElement(new { kept = true }) };

        await Client().ReplyToActivityAsync(activity);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("Bearer outbound-token", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        ActivityJsonTests.AssertSameJson(WireJson.Serialize(activity), request.Body);
        Assert.Contains("\"text\":\"Ünïcödé & <b>markup</b> ", request.Body, StringComparison.Ordinal);
        Assert.Equal("Ünïcödé & <b>markup</b> 🙂", JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
        Assert.Equal(1, _tokens.Calls);
    }

    [Fact]
    public async Task NoToken_SendsNoAuthorizationHeader()
    {
        await Client(new StaticTokenProvider(null)).SendToConversationAsync(Outgoing(PersonalChat));

        Assert.Null(Assert.Single(_connector.Requests).Authorization);
    }

    [Theory]
    [InlineData(200, "")]
    [InlineData(202, "")]
    [InlineData(202, "Accepted")]
    [InlineData(204, null)]
    public async Task SuccessWithoutAJsonBody_GivesAnEmptyResourceResponse(int status, string? body)
    {
        _connector.Enqueue(status, body);

        var response = await Client().SendToConversationAsync(Outgoing(PersonalChat));

        Assert.Null(response.Id);
    }

    [Theory]
    [InlineData(400, "BadArgument", "Activity text is too long.")]
    [InlineData(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.")]
    [InlineData(404, "ConversationNotFound", "Conversation not found.")]
    [InlineData(413, "MessageSizeTooBig", "Message size too big.")]
    public async Task ErrorStatus_IsAConnectorException_WithTheParsedError(int status, string code, string message)
    {
        _connector.Enqueue(status, $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().ReplyToActivityAsync(Outgoing(PersonalChat, replyToId: "1")));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.Error!.Error!.Code);
        Assert.Equal(message, error.Error.Error.Message);
        Assert.Equal($"Reply failed with {status} {(HttpStatusCode)status} ({code}).", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<html>Bad gateway</html>")]
    public async Task ErrorStatus_WithoutAJsonBody_HasNoParsedError(string? body)
    {
        _connector.Enqueue(401, body);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(Outgoing(PersonalChat)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Null(error.Error?.Error);
        Assert.Equal("Send failed with 401 Unauthorized.", error.Message);
    }

    [Fact]
    public async Task MissingAddressing_IsRefusedBeforeAnyRequest()
    {
        var client = Client();
        var noServiceUrl = Outgoing(PersonalChat, replyToId: "1");
        noServiceUrl.ServiceUrl = null;
        var noConversation = Outgoing(PersonalChat, replyToId: "1");
        noConversation.Conversation = null;

        await Assert.ThrowsAsync<ArgumentException>(() => client.ReplyToActivityAsync(noServiceUrl));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync(noConversation));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ReplyToActivityAsync(Outgoing(PersonalChat)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateActivityAsync(Outgoing(PersonalChat)));
        Assert.Empty(_connector.Requests);
    }
}
