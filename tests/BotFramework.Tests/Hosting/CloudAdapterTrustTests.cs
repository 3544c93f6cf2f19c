using System.Net;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Connector.Authentication;
using BotFramework.Schema;
using BotFramework.Tests.Authentication;
using BotFramework.Tests.Builder;
using BotFramework.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotFramework.Tests.Hosting;

/// <summary>
/// What an authenticated request must also pass before the bot runs: an allowed channel, a trusted
/// serviceUrl, an allowed caller. A single-tenant bot, so both channel and Entra tokens are accepted.
/// </summary>
[Trait("Category", "Host")]
public sealed class CloudAdapterTrustTests : IAsyncLifetime
{
    private const string OtherApp = "5d2c6a0e-1b7f-4e3a-9c8d-0f1e2d3c4b5a";
    private readonly AuthenticationScenario _scenario = new(MicrosoftAppType.SingleTenant);
    private readonly StaticTokenProvider _outbound = new("outbound-token");
    private FakeConnector _connector = null!;
    private FakeConnector _attacker = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _attacker = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _attacker.DisposeAsync();
    }

    private static CallbackBot AnsweringBot() => new(async (turn, ct) => await turn.SendActivityAsync("answer", ct));

    /// <summary>The fake Connector is at http://127.0.0.1 (listed); the "attacker" is the same machine named localhost (not listed).</summary>
    private string AttackerServiceUrl => _attacker.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    private Task<BotHost> StartAsync(CallbackBot bot, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AuthenticationScenario.AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = AuthenticationScenario.TenantId,
            ["ChannelOpenIdMetadataUrl"] = AuthenticationScenario.ChannelMetadataUrl,
            ["EntraOpenIdMetadataUrlTemplate"] = AuthenticationScenario.EntraMetadataUrlTemplate,
            ["Bot:AllowedServiceHosts:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return BotHost.StartAsync(bot, settings, services =>
        {
            services.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.OpenIdMetadataHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => _scenario.Server);
            services.Replace(ServiceDescriptor.Singleton<IAccessTokenProvider>(_outbound));
        });
    }

    private string ChannelToken(string serviceUrl) => _scenario.ChannelToken(d => d.Claims["serviceurl"] = serviceUrl);

    private string EntraToken(string caller) =>
        _scenario.EntraToken(AuthenticationScenario.EntraV1Issuer, AuthenticationScenario.AppId, d => d.Claims["appid"] = caller);

    [Fact]
    public async Task AnotherChannel_Is403_EvenWithATokenEndorsedForIt_AndTheBotIsNotCalled()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);
        // The scenario's key is endorsed for msteams and webchat; Web Chat clients write their own channelData.
        var webChat = TeamsRequests.Message(_connector.ServiceUrl).With(a =>
        {
            a["channelId"] = "webchat";
            a["conversation"]!.AsObject().Remove("tenantId");
        });

        using var response = await host.PostAsync(webChat, ChannelToken(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":{"code":"Forbidden","message":"This channel is not allowed to use this bot."}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, bot.Calls);
        Assert.Empty(_connector.Requests);
        Assert.Empty(host.StoredFiles);
    }

    [Fact]
    public async Task AnotherChannel_IsServed_WhenListedInAllowedChannels()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot, new() { ["AllowedChannels:0"] = "msteams", ["AllowedChannels:1"] = "webchat" });

        using var response = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl).With(a => a["channelId"] = "webchat"), ChannelToken(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task AServiceUrlOffTheAllowList_Is403_AndNothingIsSentThere_EvenWithAValidToken()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(TeamsRequests.Message(AttackerServiceUrl), ChannelToken(AttackerServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":{"code":"Forbidden","message":"The activity's serviceUrl is not a trusted host."}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, bot.Calls);
        Assert.Empty(_attacker.Requests);
        Assert.Equal(0, _outbound.Calls);
    }

    [Fact]
    public async Task AnEntraTokenFromAnyAppOfTheTenant_GetsIn_WhenNoCallerIsListed()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl), EntraToken(OtherApp));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task AnEntraTokenFromACallerOutsideAllowedCallers_Is403()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot, new() { ["Bot:AllowedCallers:0"] = AuthenticationScenario.CallerAppId });

        using var refused = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl), EntraToken(OtherApp));
        using var allowed = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl, id: "1740819600124"), EntraToken(AuthenticationScenario.CallerAppId));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("""{"error":{"code":"Forbidden","message":"This caller is not allowed to use this bot."}}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task ChannelTokens_NameNoCaller_AndAreNotAffectedByAllowedCallers()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot, new() { ["Bot:AllowedCallers:0"] = AuthenticationScenario.CallerAppId });

        using var response = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl), ChannelToken(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheTurn_SeesWhoCalled()
    {
        AuthenticationResult? seen = null;
        var bot = new CallbackBot(turn => seen = turn.Authentication());
        await using var host = await StartAsync(bot);

        await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl), EntraToken(OtherApp));

        Assert.NotNull(seen);
        Assert.False(seen.IsChannelToken);
        Assert.Equal(OtherApp, seen.CallerAppId);
    }

    [Theory]
    [InlineData(false, "a%3A1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWV5sQ")]
    [InlineData(true, "19%3Ateam-0001%40thread.tacv2")]
    public async Task AMemberLookUp_AsksTheConversation_OrInATeamTheTeam_WithTheBotsToken(bool inATeam, string escapedRoster)
    {
        _connector.Enqueue(200, """{"id":"29:1user","name":"Alex Wilber","aadObjectId":"a1b2c3d4-0000-4000-8000-000000000001"}""");
        ChannelAccount? member = null;
        var bot = new CallbackBot(async (turn, ct) => member = await turn.Adapter.GetConversationMemberAsync(turn, "29:1user", ct));
        await using var host = await StartAsync(bot);
        var activity = TeamsRequests.Message(_connector.ServiceUrl);
        if (inATeam)
        {
            activity["conversation"]!["id"] = "19:general@thread.tacv2;messageid=1740819600000";
            activity["conversation"]!["conversationType"] = "channel";
            activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team-0001@thread.tacv2" };
        }

        using var response = await host.PostAsync(activity, ChannelToken(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lookup = Assert.Single(_connector.Requests);
        Assert.Equal("GET", lookup.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{escapedRoster}/members/29%3A1user", lookup.Target);
        Assert.Equal("Bearer outbound-token", lookup.Authorization);
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", member!.AadObjectId);
    }

    [Fact]
    public async Task AnotherTenant_IsRefused_BecauseTheAppsTenantIsTheDefault()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);
        var otherTenant = TeamsRequests.Message(_connector.ServiceUrl, tenantId: AuthenticationScenario.OtherTenantId);

        using var response = await host.PostAsync(otherTenant, ChannelToken(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, bot.Calls);
    }

    [Fact]
    public async Task LocalMode_InDevelopment_RefusesNothingFromThisMachine()
    {
        var bot = AnsweringBot();
        await using var host = await BotHost.StartAsync(bot);

        using var response = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task LocalMode_InProduction_DoesNotStart_AndSaysWhatToSet()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            BotHost.StartAsync(AnsweringBot(), environment: "Production"));

        var message = Assert.Single(error.Failures);
        Assert.Contains("MicrosoftAppId is empty", message);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", message);
        Assert.Contains("Bot:AllowUnauthenticatedRequests=true", message);
    }

    [Fact]
    public async Task LocalMode_InProduction_WithTheExplicitOptIn_Starts()
    {
        var bot = AnsweringBot();
        await using var host = await BotHost.StartAsync(bot, new() { ["Bot:AllowUnauthenticatedRequests"] = "true" }, environment: "Production");

        using var response = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheOptIn_WithAnAppId_DoesNotStart()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            StartAsync(AnsweringBot(), new() { ["Bot:AllowUnauthenticatedRequests"] = "true" }));

        Assert.Contains(error.Failures, f => f.StartsWith("Bot:AllowUnauthenticatedRequests is set but so is MicrosoftAppId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalMode_WithAzureStorage_DoesNotStart_EvenInDevelopment()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            BotHost.StartAsync(AnsweringBot(), new()
            {
                ["Storage:Provider"] = "AzureBlob",
                ["Storage:ServiceUri"] = "https://stpolicybotexample.blob.core.windows.net",
            }));

        Assert.Contains(error.Failures, f => f.StartsWith("Storage:Provider is AzureBlob on an Azure storage account but MicrosoftAppId is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalMode_WithAzuriteOnThisMachine_Starts()
    {
        await using var host = await BotHost.StartAsync(AnsweringBot(), new()
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });
    }

    [Fact]
    public async Task LimitsFromTheBotSection_AreChecked()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            BotHost.StartAsync(AnsweringBot(), new()
            {
                ["Bot:MaxQueuedTurnsPerConversation"] = "0",
                ["Bot:StateCacheCapacity"] = "0",
                ["Bot:AllowedCallers:0"] = "not-an-app",
            }));

        Assert.Contains("Bot:MaxQueuedTurnsPerConversation must be at least 1.", error.Failures);
        Assert.Contains("Bot:StateCacheCapacity must be at least 1 (Bot:StateCacheMaxAge 00:00:00 turns the cache off).", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Bot:AllowedCallers:0 'not-an-app' is not a GUID", StringComparison.Ordinal));
    }
}
