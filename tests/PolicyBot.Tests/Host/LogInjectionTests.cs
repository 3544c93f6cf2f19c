using System.Net;
using System.Text.Json.Nodes;
using BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>
/// Anyone can send a request that gets refused. What such a request carries never reaches a log line raw:
/// no line breaks to forge lines with, nothing unbounded, and refusals themselves are rate-limited.
/// </summary>
[Trait("Category", "Host")]
public sealed class LogInjectionTests : IAsyncLifetime
{
    private const string AppId = "6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11";
    private const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    private readonly FakeOpenIdServer _openId = new();
    private BotHost _host = null!;

    public Task InitializeAsync()
    {
        _openId.AddIssuer(MetadataUrl, "https://api.botframework.com", [new TestSigningKey("bf-key-1", "msteams")]);
        _host = new BotHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["AllowedTenants:0"] = TeamsActivities.TenantId,
            ["ChannelOpenIdMetadataUrl"] = MetadataUrl,
        }, services => services.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.OpenIdMetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => _openId));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Body(string type) => new JsonObject
    {
        ["type"] = type,
        ["id"] = "1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        ["conversation"] = new JsonObject { ["id"] = "a:x" },
    }.ToJsonString();

    [Fact]
    public async Task AnActivityTypeWithALineBreak_DoesNotForgeALogLine()
    {
        var response = await _host.PostRawAsync(Body("message\r\n2026-01-01 INFO forged line"), "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Refused an unauthenticated other activity", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("forged line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHugeActivityType_IsNotLogged()
    {
        var type = new string('x', 200_000);

        var response = await _host.PostRawAsync(Body(type), "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("xxxxxxxxxx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATokensKeyId_IsNotLogged()
    {
        var key = new TestSigningKey("kid-with\r\nforged log line", "msteams");
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["serviceurl"] = "https://smba.trafficmanager.net/amer/" },
            SigningCredentials = key.SigningCredentials(),
        });

        var response = await _host.PostRawAsync(Body("message"), "application/json", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("forged log line", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_AreLoggedAtMostTwentyAMinute()
    {
        for (var i = 0; i < 45; i++) await _host.PostRawAsync(Body("message"), "application/json");

        Assert.Equal(20, _host.Logs.Lines.Count(l => l.Contains("Refused an unauthenticated message activity", StringComparison.Ordinal)));
    }
}
