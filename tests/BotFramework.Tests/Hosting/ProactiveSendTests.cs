using System.Net;
using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Hosting;
using BotFramework.Schema;
using BotFramework.Tests.Builder;
using BotFramework.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace BotFramework.Tests.Hosting;

/// <summary>
/// Messages the bot sends without being asked (a 1:1 chat created with a team member, a message continued in a
/// stored conversation) go through the production adapter and Connector client: the outbound allow-list, the
/// retry on 429 honouring <c>Retry-After</c>, and a 403 from Teams (she blocked the bot) surfaced once, not retried.
/// </summary>
[Trait("Category", "Host")]
public sealed class ProactiveSendTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = await BotHost.StartAsync(new CallbackBot(_ => { }), new() { ["Bot:ConnectorRetryDelay"] = "00:00:00.010" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private CloudAdapter Adapter => _host.Services.GetRequiredService<CloudAdapter>();

    private static ConversationParameters OneOnOne() => new()
    {
        IsGroup = false,
        Bot = new ChannelAccount("28:bot-0001", "PolicyBot"),
        Members = [new ChannelAccount("29:invented-member-0001")],
        TenantId = "tenant-0001",
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant-0001" } },
    };

    private ConversationReference Chat() => new()
    {
        ChannelId = Channels.MsTeams,
        ServiceUrl = _connector.ServiceUrl,
        Conversation = new ConversationAccount("a:1-invented-personal-chat"),
        Bot = new ChannelAccount("28:bot-0001", "PolicyBot"),
    };

    [Fact]
    public async Task CreateConversation_PostsTheMemberAndTenant_AndReturnsTheNewChatId()
    {
        _connector.Enqueue(201, """{"id":"a:1-new-chat"}""");

        var created = await Adapter.CreateConversationAsync(_connector.ServiceUrl, OneOnOne(), CancellationToken.None);

        Assert.Equal("a:1-new-chat", created.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.EndsWith("/v3/conversations", request.Target, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("29:invented-member-0001", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-0001", body.RootElement.GetProperty("tenantId").GetString());
    }

    [Fact]
    public async Task CreateConversation_WhenSheBlockedTheBot_Fails403Once_WithoutRetrying()
    {
        _connector.Enqueue(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Adapter.CreateConversationAsync(_connector.ServiceUrl, OneOnOne(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.True(error.IsRecipientUnreachable);
        Assert.True(error.IsBlockedByUser);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task ContinueConversation_WhenSheBlockedTheBot_Fails403Once_WithoutRetrying()
    {
        _connector.Enqueue(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Adapter.ContinueConversationAsync(Chat(), (turn, ct) => turn.SendActivityAsync("A reminder.", ct), CancellationToken.None));

        Assert.True(error.IsBlockedByUser);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task ContinueConversation_PacedBy429_WaitsForRetryAfter_ThenDeliversOnce()
    {
        _connector.Enqueue(429, """{"error":{"code":"Throttled","message":"Too many requests."}}""", ("Retry-After", "1"));
        _connector.Enqueue(201, """{"id":"1740819600555"}""");

        var sent = await Adapter.ContinueConversationAsync(Chat(), (turn, ct) => turn.SendActivityAsync("A reminder.", ct), CancellationToken.None);

        Assert.Equal("1740819600555", Assert.Single(sent).Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Contains("invented-personal-chat/activities", r.Target, StringComparison.Ordinal));
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(950),
            "the retry must wait for Retry-After");
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task ContinueConversation_ToAnUntrustedServiceUrl_SendsNothing()
    {
        var reference = Chat();
        reference.ServiceUrl = "https://attacker.invalid/";

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("A reminder.", ct), CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }
}
