using System.Net;
using BotFramework.Connector;
using BotFramework.Schema;

namespace BotFramework.Tests.Connector;

/// <summary>
/// The bot's token goes to Teams only: every Connector call checks its serviceUrl against the allow-list
/// before a token is even fetched; a real local listener shows what would have left the machine.
/// </summary>
[Trait("Category", "Host")]
public sealed class OutboundAllowListTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly HttpClient _http = new();
    private readonly StaticTokenProvider _tokens = new("outbound-token");

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    private static Activity Reply(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Text = "Filed.",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount("a:x", "personal"),
        ReplyToId = "1",
    };

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77/")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://SMBA.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    public void TeamsHostsOverHttps_AreTrustedByDefault(string serviceUrl) =>
        Assert.True(TrustedServiceUrls.Default.IsTrusted(serviceUrl));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]                // plain http to a Teams host
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]   // the Teams host as a prefix
    [InlineData("https://evilbotframework.com/")]                       // a suffix that is not a subdomain
    [InlineData("https://botframework.com@attacker.example/")]          // user info before another host
    [InlineData("https://user@smba.trafficmanager.net/amer/")]          // user info at all
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://127.0.0.1:5000/")]                              // this machine, not listed, not local mode
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void OtherServiceUrls_AreNotTrusted(string? serviceUrl) =>
        Assert.False(TrustedServiceUrls.Default.IsTrusted(serviceUrl));

    [Fact]
    public void ListedHosts_AreTrusted_OverHttpOnlyWhenLoopback()
    {
        var trusted = new TrustedServiceUrls(["127.0.0.1", "*.connector.example", "smba.example.net"]);

        Assert.True(trusted.IsTrusted("http://127.0.0.1:5000/connector/"));
        Assert.True(trusted.IsTrusted("https://eu.connector.example/"));
        Assert.False(trusted.IsTrusted("https://connector.example/"));
        Assert.True(trusted.IsTrusted("https://smba.example.net/"));
        Assert.False(trusted.IsTrusted("http://smba.example.net/"));
        Assert.False(trusted.IsTrusted("http://localhost:5000/"));
    }

    [Fact]
    public void LocalMode_TrustsThisMachine_OverHttp_AndNothingElseNew()
    {
        var local = new TrustedServiceUrls(localMode: true);

        Assert.True(local.IsTrusted("http://localhost:56150/_connector"));
        Assert.True(local.IsTrusted("http://127.0.0.1:3979/"));
        Assert.True(local.IsTrusted("http://[::1]:3979/"));
        Assert.False(local.IsTrusted("http://10.0.0.5:8080/"));
        Assert.False(local.IsTrusted("http://192.0.2.10/"));
    }

    [Theory]
    [InlineData("https://smba.example.net")]
    [InlineData("smba.example.net:443")]
    [InlineData("smba.example.net/amer")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("")]
    public void AllowedServiceHosts_ThatAreNotHostNames_AreReportedWithWhatToWrite(string entry)
    {
        var problem = Assert.Single(TrustedServiceUrls.Validate([entry]));

        Assert.StartsWith("Bot:AllowedServiceHosts:0", problem);
        Assert.Contains("List host names only", problem);
    }

    [Fact]
    public async Task AReplyToAnUntrustedServiceUrl_IsNeverSent_AndNoTokenIsFetched()
    {
        // The fake Connector is a real listener; the client does not trust 127.0.0.1 here.
        var client = new ConnectorClient(_http, _tokens);

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.ReplyToActivityAsync(Reply(_connector.ServiceUrl)));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters()));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.GetConversationMemberAsync(_connector.ServiceUrl, "a:x", "29:user"));

        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _tokens.Calls);
    }

    [Fact]
    public async Task GetConversationMember_GetsTheMemberWithEscapedIds_AndReadsWhatTeamsAdds()
    {
        _connector.Enqueue(200, """
            {"id":"29:1member","name":"Test Worker","aadObjectId":"00000000-0000-0000-0000-00000000c001",
             "tenantId":"3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77","userRole":"user","givenName":"Test"}
            """);
        var client = new ConnectorClient(_http, _tokens, new TrustedServiceUrls(["127.0.0.1"]));

        var member = await client.GetConversationMemberAsync(_connector.ServiceUrl, "19:abc@thread.tacv2;messageid=123", "29:1member");

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/members/29%3A1member", request.Target);
        Assert.Equal("Bearer outbound-token", request.Authorization);
        Assert.Equal("29:1member", member!.Id);
        Assert.Equal("00000000-0000-0000-0000-00000000c001", member.AadObjectId);
        Assert.Equal("user", member.Properties!["userRole"].GetString());
    }

    [Fact]
    public async Task GetConversationMember_ThatTeamsDoesNotKnow_IsNull()
    {
        _connector.Enqueue(404, """{"error":{"code":"MemberNotFoundInConversation","message":"Member not found."}}""");
        var client = new ConnectorClient(_http, _tokens, new TrustedServiceUrls(["127.0.0.1"]));

        Assert.Null(await client.GetConversationMemberAsync(_connector.ServiceUrl, "a:x", "29:stranger"));
    }

    [Fact]
    public async Task GetConversationMember_OtherErrors_AreConnectorExceptions()
    {
        _connector.Enqueue(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        var client = new ConnectorClient(_http, _tokens, new TrustedServiceUrls(["127.0.0.1"]));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.GetConversationMemberAsync(_connector.ServiceUrl, "a:x", "29:user"));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }
}
