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
/// The endpoint of a bot with an app id: tokens are checked against signing keys served by the in-process
/// identity provider (through the named OpenID HttpClient), replies carry the bot's outbound token.
/// </summary>
[Trait("Category", "Host")]
public sealed class CloudAdapterAuthenticationTests : IAsyncLifetime
{
    private readonly AuthenticationScenario _scenario = new();
    private readonly StaticTokenProvider _outbound = new("outbound-token");
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static CallbackBot AnsweringBot() => new(async (turn, ct) => await turn.SendActivityAsync("answer", ct));

    private Task<BotHost> StartAsync(CallbackBot bot, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AuthenticationScenario.AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["ChannelOpenIdMetadataUrl"] = AuthenticationScenario.ChannelMetadataUrl,
            ["AllowedTenants:0"] = AuthenticationScenario.TenantId,
            // The fake Connector listens on http://127.0.0.1: trusted because it is listed.
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

    /// <summary>A channel token for this activity's serviceUrl, as Azure Bot Service signs it.</summary>
    private string Token(string? serviceUrl = null) =>
        _scenario.ChannelToken(d => d.Claims["serviceurl"] = serviceUrl ?? _connector.ServiceUrl);

    private JsonObject Message(string tenantId = TeamsRequests.TenantId) => TeamsRequests.Message(_connector.ServiceUrl, tenantId: tenantId);

    [Fact]
    public async Task NoToken_Is401_BeforeAnyKeyIsFetched_AndTheBotIsNotCalled()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":{"code":"Unauthorized","message":"Unauthorized."}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, bot.Calls);
        Assert.Equal(0, _scenario.Server.TotalRequests);
        Assert.Empty(host.StoredFiles);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task ValidChannelToken_RunsTheTurn_AndTheReplyCarriesTheBotsToken()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Calls);
        Assert.Equal(1, _scenario.ChannelMetadataRequests);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("Bearer outbound-token", reply.Authorization);
        Assert.Equal("answer", WireJson.Deserialize<Activity>(reply.Body)!.Text);
        Assert.Single(host.StoredFiles);
    }

    [Fact]
    public async Task TokenForAnotherServiceUrl_Is401()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message(), Token("https://smba.trafficmanager.net/amer/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Calls);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task TokenSignedByAnUnknownKey_Is401()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);
        var stranger = new TestSigningKey("bf-key-1", "someone else's key material", ["msteams"]);

        using var response = await host.PostAsync(Message(), _scenario.ChannelToken(d => d.Claims["serviceurl"] = _connector.ServiceUrl, stranger));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Calls);
        Assert.Empty(host.StoredFiles);
    }

    [Fact]
    public async Task TokenForAnotherBot_Is401()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message(), _scenario.ChannelToken(d =>
        {
            d.Claims["serviceurl"] = _connector.ServiceUrl;
            d.Audience = AuthenticationScenario.CallerAppId;
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Calls);
    }

    [Fact]
    public async Task UnknownActivityType_WithoutAToken_IsStill401()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message().With(a => a["type"] = "someFutureType"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TenantOutsideAllowedTenants_Is403_AndTheBotIsNotCalled()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot, new() { ["AllowedTenants:0"] = AuthenticationScenario.TenantId });

        using var response = await host.PostAsync(Message(AuthenticationScenario.OtherTenantId), Token());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"error":{"code":"Forbidden","message":"This tenant is not allowed to use this bot."}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, bot.Calls);
        Assert.Empty(host.StoredFiles);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task AllowedTenant_IsServed_AlsoWhenOnlyChannelDataNamesIt()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot, new() { ["AllowedTenants:0"] = AuthenticationScenario.TenantId.ToUpperInvariant() });
        var withoutConversationTenant = Message().With(a => a["conversation"]!.AsObject().Remove("tenantId"));

        using var first = await host.PostAsync(Message(), Token());
        using var second = await host.PostAsync(withoutConversationTenant.With(a => a["id"] = "1740819600124"), Token());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, bot.Calls);
    }

    [Fact]
    public async Task ActivityWithoutTenant_WhenTenantsAreRestricted_Is403()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot, new() { ["AllowedTenants:0"] = AuthenticationScenario.TenantId });
        var noTenant = Message().With(a =>
        {
            a["conversation"]!.AsObject().Remove("tenantId");
            a.Remove("channelData");
        });

        using var response = await host.PostAsync(noTenant, Token());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, bot.Calls);
    }
}
