using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>
/// The host as the Bicep deploys it — user-assigned managed identity, its tenant, a token required — in
/// Production, listening on every address, attacked as the security review did: app-only Entra tokens
/// minted for another app of the same tenant (signed with the test's own key, served by a fake OpenID
/// server), delegated user tokens, a Web Chat activity, a serviceUrl pointing at the attacker. The bot
/// really holds an outbound token: it gets it from a fake App Service managed identity endpoint
/// (<c>IDENTITY_ENDPOINT</c>/<c>IDENTITY_HEADER</c>). The Connector is local, listed in
/// <c>Bot:AllowedServiceHosts</c>, and answers member look-ups with each sender as Teams knows her.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
[Trait("Category", "Host")]
public sealed class EntraCallerTests : IAsyncLifetime
{
    private const string AppId = "6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11";
    private const string TenantId = TeamsActivities.TenantId;
    private const string ManagerAad = "00000000-0000-0000-0000-0000000000e1";
    private const string StaffAad = "00000000-0000-0000-0000-00000000c001";
    private const string OtherApp = "5d2c6a0e-1b7f-4e3a-9c8d-0f1e2d3c4b5a";
    private const string KnownApp = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string ChannelMetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    private const string EntraMetadataUrlTemplate = "https://login.entra.test/{tenantId}/v2.0/.well-known/openid-configuration";
    private const string EntraV1Issuer = "https://sts.windows.net/" + TenantId + "/";

    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private readonly FakeOpenIdServer _openId = new();
    private readonly TestSigningKey _channelKey = new("bf-key-1", "msteams", "webchat");
    private readonly TestSigningKey _entraKey = new("entra-key-1");
    private readonly Dictionary<string, string?> _environmentBefore = new();
    private FakeConnector _teams = null!;
    private FakeConnector _attacker = null!;
    private BotHost _host = null!;
    private TeamsActivities _chat = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeConnector.StartAsync();
        _attacker = await FakeConnector.StartAsync();
        _chat = new TeamsActivities(_teams.ServiceUrl);
        _openId.AddIssuer(ChannelMetadataUrl, "https://api.botframework.com", [_channelKey]);
        _openId.AddIssuer(EntraMetadataUrlTemplate.Replace("{tenantId}", TenantId, StringComparison.Ordinal), $"https://login.microsoftonline.com/{TenantId}/v2.0", [_entraKey]);
        // App Service gives a managed identity to the app through these two variables.
        SetEnvironment("IDENTITY_ENDPOINT", _teams.ManagedIdentityEndpoint);
        SetEnvironment("IDENTITY_HEADER", FakeConnector.ManagedIdentityHeader);
        _host = StartHost();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        foreach (var (name, value) in _environmentBefore) Environment.SetEnvironmentVariable(name, value);
        await _teams.DisposeAsync();
        await _attacker.DisposeAsync();
    }

    private BotHost StartHost(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // What deploymentTemplates/modules/webApp.bicep sets, but file storage.
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["AllowedTenants:0"] = TenantId,
            ["PolicyBot:Managers:0"] = ManagerAad,
            ["ChannelOpenIdMetadataUrl"] = ChannelMetadataUrl,
            ["EntraOpenIdMetadataUrlTemplate"] = EntraMetadataUrlTemplate,
            ["Bot:AllowedServiceHosts:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new BotHost(settings, services =>
            services.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.OpenIdMetadataHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => _openId),
            kestrelUrls: "http://0.0.0.0:0");
    }

    private void SetEnvironment(string name, string value)
    {
        _environmentBefore.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>An app-only token that another application of the bot's tenant can get for the bot (client credentials).</summary>
    private string EntraToken(string caller = OtherApp, Action<SecurityTokenDescriptor>? change = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = EntraV1Issuer,
            Audience = AppId,
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["tid"] = TenantId, ["ver"] = "1.0", ["appid"] = caller },
            SigningCredentials = _entraKey.SigningCredentials(),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token as Azure Bot Service signs it for a channel, bound to <paramref name="serviceUrl"/>.</summary>
    private string ChannelToken(string serviceUrl) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://api.botframework.com",
        Audience = AppId,
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.AddMinutes(30),
        Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
        SigningCredentials = _channelKey.SigningCredentials(),
    });

    /// <summary>The attacker's listener, on this machine but under a name the allow-list does not hold.</summary>
    private string AttackerServiceUrl => _attacker.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    /// <summary>Teams knows the chat's user (29:user-0001) as <paramref name="aadObjectId"/>.</summary>
    private void TeamsKnowsTheUserAs(string aadObjectId, string conversationId = "a:personal-chat-0001") =>
        _teams.Members[(conversationId, "29:user-0001")] = new ChannelAccount("29:user-0001", "Test Worker", aadObjectId);

    private Activity ClaimingToBeTheManager(string text, TeamsActivities? chat = null)
    {
        var activity = (chat ?? _chat).Message(text);
        activity.From!.AadObjectId = ManagerAad;
        return activity;
    }

    private static string Ui(string key) => Content.Ui(key, Language.En);

    private IReadOnlyList<ConnectorRequest> MemberLookups => [.. _teams.Requests.Where(r => r.Method == "GET")];

    [Fact]
    public async Task AnotherAppOfTheTenant_NamingAManager_GetsNoReport_BecauseTeamsKnowsTheSenderAsSomeoneElse()
    {
        TeamsKnowsTheUserAs(StaffAad);

        var response = await _host.PostAsync(ClaimingToBeTheManager("onboarding report"), EntraToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_teams.Messages);
        Assert.Equal(Ui("onboarding.report.managersOnly"), reply.Text);
        Assert.Empty(reply.Attachments ?? []);
        var lookup = Assert.Single(MemberLookups);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/a:personal-chat-0001/members/29:user-0001", lookup.Path);
        // The look-up and the reply carry the token the bot got from its managed identity.
        Assert.Equal("Bearer " + FakeConnector.ManagedIdentityToken, lookup.Authorization);
        Assert.All(_teams.Requests, r => Assert.Equal("Bearer " + FakeConnector.ManagedIdentityToken, r.Authorization));
    }

    [Fact]
    public async Task ASenderTeamsDoesNotKnowInTheConversation_IsRefused()
    {
        var response = await _host.PostAsync(ClaimingToBeTheManager("onboarding report"), EntraToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ui("onboarding.report.managersOnly"), Assert.Single(_teams.Messages).Text);
        Assert.Single(MemberLookups);
    }

    [Fact]
    public async Task AManagerTeamsConfirms_GetsTheReport_AndTeamsIsAskedOnceForTheConversationAndMember()
    {
        TeamsKnowsTheUserAs(ManagerAad);

        var first = await _host.PostAsync(ClaimingToBeTheManager("onboarding report"), EntraToken());
        var second = await _host.PostAsync(ClaimingToBeTheManager("onboarding report"), ChannelToken(_teams.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _teams.Messages.Count);
        Assert.All(_teams.Messages, m => Assert.Contains(Ui("onboarding.report.title"), CardReader.VisibleText(m)));
        Assert.Single(MemberLookups);
    }

    [Fact]
    public async Task AServiceUrlOffTheAllowList_Is403_AndTheBotsTokenNeverLeaves()
    {
        TeamsKnowsTheUserAs(ManagerAad);
        var activity = ClaimingToBeTheManager("onboarding report", new TeamsActivities(AttackerServiceUrl));

        var response = await _host.PostAsync(activity, EntraToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_attacker.Requests);
        Assert.Empty(_teams.Requests);
        Assert.Empty(_host.StoredFiles());
    }

    [Theory]
    [InlineData("scp")]
    [InlineData("idtyp")]
    public async Task ADelegatedUserToken_Is401(string claim)
    {
        TeamsKnowsTheUserAs(ManagerAad);

        var response = await _host.PostAsync(ClaimingToBeTheManager("onboarding report"), EntraToken(change: d =>
        {
            if (claim == "scp") d.Claims["scp"] = "access_as_user";
            else d.Claims["idtyp"] = "user";
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_teams.Requests);
    }

    [Fact]
    public async Task EachCallerAppId_IsLoggedTheFirstTimeItIsSeen_SoAnAdministratorCanPinTheList()
    {
        TeamsKnowsTheUserAs(StaffAad);

        await _host.PostAsync(_chat.Message("menu"), EntraToken());
        await _host.PostAsync(_chat.Message("menu"), EntraToken());

        var lines = _host.Logs.Lines.Where(m => m.Contains("First request from caller app id", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains(OtherApp, line);
        Assert.Contains("Bot:AllowedCallers", line);
    }

    [Fact]
    public async Task WithAllowedCallersPinned_AnotherAppOfTheTenant_Is403()
    {
        await using var pinned = StartHost(new Dictionary<string, string?> { ["Bot:AllowedCallers:0"] = KnownApp });
        TeamsKnowsTheUserAs(StaffAad);

        var other = await pinned.PostAsync(_chat.Message("menu"), EntraToken(OtherApp));
        var known = await pinned.PostAsync(_chat.Message("menu"), EntraToken(KnownApp));
        var teams = await pinned.PostAsync(_chat.Message("menu"), ChannelToken(_teams.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
        Assert.Equal(2, _teams.Messages.Count);
        Assert.Contains(pinned.Logs.Lines, m => m.Contains(OtherApp, StringComparison.Ordinal) && m.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostingInAChannel_AsAManagerTeamsDoesNotConfirm_PostsNothing()
    {
        var channel = new TeamsActivities(_teams.ServiceUrl, "19:general@thread.tacv2;messageid=1700000000500") { ConversationType = "channel" };
        _teams.Members[(channel.ConversationId, "29:user-0001")] = new ChannelAccount("29:user-0001", "Test Worker", StaffAad);
        var post = channel.Mention("post hostile comment");
        post.From!.AadObjectId = ManagerAad;

        var response = await _host.PostAsync(post, EntraToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content.Ui("policy.refused", Language.En), Assert.Single(_teams.Messages).Text);
        Assert.DoesNotContain(_teams.Requests, r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Empty(await _host.Services.GetRequiredService<PostedCardStore>().AllAsync());
    }

    [Fact]
    public async Task AWebChatActivity_NamingAManagerAndTheTenantInItsOwnChannelData_Is403()
    {
        TeamsKnowsTheUserAs(ManagerAad);
        var webChat = ClaimingToBeTheManager("onboarding report");
        webChat.ChannelId = "webchat";
        webChat.Conversation!.TenantId = null;

        var response = await _host.PostAsync(webChat, ChannelToken(_teams.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_teams.Requests);
        Assert.Empty(_host.StoredFiles());
    }

    [Fact]
    public async Task AStoredPostedCardWithAnUntrustedServiceUrl_IsForgotten_NotUpdated()
    {
        var storage = _host.Services.GetRequiredService<IStorage>();
        var topic = Content.Topics.First(t => t.DecisionPoints.Count > 0);
        var card = new PostedCard
        {
            ServiceUrl = AttackerServiceUrl,
            ChannelId = Channels.MsTeams,
            ConversationId = "19:general@thread.tacv2;messageid=1700000000700",
            ActivityId = "1700000000700",
            ConversationType = "channel",
            Topic = topic.Id,
            Language = "en",
            Version = 0,
        };
        await storage.WriteAsync(new Dictionary<string, StoredDocument>
        {
            [PostedCardStore.Key] = new(new JsonObject { ["cards"] = JsonSerializer.SerializeToNode(new[] { card }, BotJson.Options) }, "*"),
        });
        var point = topic.DecisionPoints[0];
        await _host.Services.GetRequiredService<PolicyStore>().ChangeAsync(new PolicyAuthor("Test Manager", ManagerAad), new Dictionary<string, string?> { [point.Id] = point.Options[0] });

        var report = await _host.Services.GetRequiredService<PostedCardUpdater>().UpdateNowAsync();

        Assert.Equal(new PostedCardUpdater.Report(Updated: 0, Forgotten: 1, Failed: 0), report);
        Assert.Empty(_attacker.Requests);
        Assert.Empty(await _host.Services.GetRequiredService<PostedCardStore>().AllAsync());
        Assert.Contains(_host.Logs.Lines, m => m.Contains("not a trusted Teams host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgetMe_ForSomeoneElse_FromAnotherConversation_DeletesNothing()
    {
        // The real user, through Teams: her language choice is kept.
        TeamsKnowsTheUserAs(StaffAad);
        await _host.PostAsync(_chat.Message("français"), ChannelToken(_teams.ServiceUrl));
        var userKey = $"msteams/users/29:user-0001";
        var storage = _host.Services.GetRequiredService<IStorage>();
        Assert.Single(await storage.ReadAsync([userKey]));

        // Someone else, with a token of another app, in a chat of their own, naming her as the sender.
        var elsewhere = new TeamsActivities(_teams.ServiceUrl, "a:someone-elses-chat");
        await _host.PostAsync(elsewhere.Message("forget me"), EntraToken());
        await _host.PostAsync(elsewhere.Submit(new { choice = "yes" }), EntraToken());

        Assert.Equal(Content.Ui("forget.unconfirmed", Language.Fr), _teams.Messages[^1].Text);
        Assert.Single(await storage.ReadAsync([userKey]));
    }
}

/// <summary>Tests that change process-wide environment variables run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
