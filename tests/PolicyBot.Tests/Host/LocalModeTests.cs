using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>
/// Without an app id the bot accepts requests without a token (local mode) — only where that is safe: in
/// Development from this machine, or with an explicit opt-in that the host logs loudly. Anywhere else the
/// host does not start, and says what to set.
/// </summary>
[Trait("Category", "Host")]
public sealed class LocalModeTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsActivities _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(_connector.ServiceUrl);
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task WithoutAnAppId_InProduction_OnEveryAddress_TheHostDoesNotStart_AndSaysWhatToSet()
    {
        await using var host = new BotHost(environment: "Production", kestrelUrls: "http://0.0.0.0:0");

        var error = Assert.ThrowsAny<Exception>(() => host.Client());

        var message = error.ToString();
        Assert.Contains("MicrosoftAppId is empty, so the bot would accept requests without a token (local mode), and the environment is 'Production'", message);
        Assert.Contains("set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId", message);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", message);
        Assert.Contains("Bot:AllowUnauthenticatedRequests=true", message);
    }

    [Fact]
    public async Task WithoutAnAppId_InDevelopment_OnEveryAddress_ThisMachineIsAnswered_AndTheOpenAddressIsWarnedAbout()
    {
        await using var host = new BotHost(kestrelUrls: "http://0.0.0.0:0");

        var response = await host.PostAsync(_teams.Message("menu"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ContentLibrary.Default.Ui("menu.title", Language.En), BotFramework.Testing.CardReader.VisibleText(Assert.Single(_connector.Messages)));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Local mode is listening on http://0.0.0.0:", StringComparison.Ordinal) && l.Contains("get 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAnAppId_InDevelopment_ARequestFromAnotherMachine_Is401_AndNeverReachesTheBot()
    {
        await using var host = new BotHost(configureServices: FromAddress("192.0.2.77"));

        var response = await host.PostAsync(_teams.Message("menu"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Empty(host.StoredFiles());
        Assert.Contains(host.Logs.Lines, l => l.Contains("without a token from another machine", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task WithoutAnAppId_InDevelopment_ARequestFromThisMachine_IsAnswered(string address)
    {
        await using var host = new BotHost(configureServices: FromAddress(address));

        var response = await host.PostAsync(_teams.Message("menu"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_connector.Messages);
    }

    [Fact]
    public async Task WithTheExplicitOptIn_AnyAddressIsAnswered_InProduction_AndTheHostSaysSoLoudly()
    {
        await using var host = new BotHost(new Dictionary<string, string?> { ["Bot:AllowUnauthenticatedRequests"] = "true" },
            FromAddress("192.0.2.77"), environment: "Production");

        var response = await host.PostAsync(_teams.Message("menu"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Critical ", StringComparison.Ordinal) && l.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MicrosoftAppTenantId", "00000000-0000-0000-0000-00000000a001")]
    [InlineData("AllowedTenants:0", "00000000-0000-0000-0000-00000000a001")]
    [InlineData("MicrosoftAppType", "UserAssignedMSI")]
    [InlineData("Storage:ServiceUri", "https://stpolicybotexample.blob.core.windows.net")]
    public void WithoutAnAppId_ButWithASettingOfADeployment_TheHostDoesNotStart(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Storage:ServiceUri") settings["Storage:Provider"] = "AzureBlob";
        var error = BotHost.StartupError(() => new BotHost(settings));

        Assert.Contains("MicrosoftAppId", error.ToString());
    }

    [Fact]
    public void WithAnAppId_ButNoTenantAllowed_TheHostDoesNotStart()
    {
        var error = BotHost.StartupError(() => new BotHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        }));

        Assert.Contains("no tenant is allowed to use the bot: set AllowedTenants:0", error.ToString());
    }

    /// <summary>Requests reach the in-memory host as if from <paramref name="address"/> (the connection's peer).</summary>
    private static Action<IServiceCollection> FromAddress(string address) => services =>
        services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(address)));

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
