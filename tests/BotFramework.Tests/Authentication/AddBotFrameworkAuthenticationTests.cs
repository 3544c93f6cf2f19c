using BotFramework.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotFramework.Tests.Authentication;

[Trait("Category", "Fast")]
public sealed class AddBotFrameworkAuthenticationTests
{
    private const string AppId = AuthenticationScenario.AppId;
    private const string TenantId = AuthenticationScenario.TenantId;

    [Fact]
    public async Task Misconfiguration_FailsStartUp_WithWhatToSet()
    {
        using var host = BuildHost(Environments.Production, new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("set MicrosoftAppTenantId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("set MicrosoftAppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyConfiguration_StartsInLocalMode_WithoutAnOutboundToken()
    {
        using var host = BuildHost(Environments.Production, []);

        await host.StartAsync();

        Assert.IsType<NoAccessTokenProvider>(host.Services.GetRequiredService<IAccessTokenProvider>());
        var result = await host.Services.GetRequiredService<IBotFrameworkAuthenticator>().AuthenticateAsync(null, "msteams", "http://localhost:56150/_connector");
        Assert.True(result.IsAnonymous);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("MultiTenant", typeof(MsalAccessTokenProvider))]
    [InlineData("SingleTenant", typeof(MsalAccessTokenProvider))]
    [InlineData("UserAssignedMSI", typeof(ManagedIdentityAccessTokenProvider))]
    public async Task AppType_ChoosesTheOutboundTokenProvider(string appType, Type expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppPassword"] = appType == "UserAssignedMSI" ? null : "secret",
        };
        using var host = BuildHost(Environments.Production, settings);

        await host.StartAsync();

        Assert.IsType(expected, host.Services.GetRequiredService<IAccessTokenProvider>());
        Assert.IsType<BotFrameworkAuthenticator>(host.Services.GetRequiredService<IBotFrameworkAuthenticator>());
        await host.StopAsync();
    }

    [Fact]
    public void MetadataCaches_AreOnePerUrl()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotFrameworkAuthentication(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<OpenIdMetadataCacheRegistry>();

        var channel = registry.Get(BotFrameworkOptions.DefaultChannelOpenIdMetadataUrl);

        Assert.Same(channel, registry.Get(BotFrameworkOptions.DefaultChannelOpenIdMetadataUrl));
        Assert.NotSame(channel, registry.Get("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"));
    }

    [Fact]
    public async Task RegisteredAuthenticator_ValidatesTokens_UsingTheNamedHttpClient()
    {
        var scenario = new AuthenticationScenario(MicrosoftAppType.SingleTenant);
        using var host = BuildHost(Environments.Production, new()
        {
            ["MicrosoftAppType"] = "singletenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppPassword"] = "secret",
            ["ChannelOpenIdMetadataUrl"] = AuthenticationScenario.ChannelMetadataUrl,
            ["EntraOpenIdMetadataUrlTemplate"] = AuthenticationScenario.EntraMetadataUrlTemplate,
        }, services => services.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.OpenIdMetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => scenario.Server));
        await host.StartAsync();
        var authenticator = host.Services.GetRequiredService<IBotFrameworkAuthenticator>();

        var channel = await authenticator.AuthenticateAsync("Bearer " + scenario.ChannelToken(), "msteams", AuthenticationScenario.ServiceUrl);
        var entra = await authenticator.AuthenticateAsync(
            "Bearer " + scenario.EntraToken(AuthenticationScenario.EntraV1Issuer, "api://botid-" + AppId), "msteams", AuthenticationScenario.ServiceUrl);

        Assert.True(channel.Succeeded, channel.FailureReason);
        Assert.True(entra.Succeeded, entra.FailureReason);
        Assert.Equal(1, scenario.ChannelMetadataRequests);
        Assert.Equal(1, scenario.Server.RequestCount(AuthenticationScenario.EntraMetadataUrl));
        await host.StopAsync();
    }

    private static IHost BuildHost(string environment, Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddBotFrameworkAuthentication(builder.Configuration);
        builder.Services.AddBotFrameworkAzure();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
