namespace BotFramework.Tests.Authentication;

/// <summary>No app id configured: anonymous requests only with the explicit development opt-in.</summary>
public sealed class LocalModeAuthenticationTests
{
    [Fact]
    public async Task LocalMode_WithOptIn_AcceptsARequestWithoutHeader_AsAnonymous()
    {
        var scenario = LocalScenario(allowUnauthenticated: true);

        var result = await scenario.AuthenticateHeaderAsync(null);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.NotNull(result.Identity);
        Assert.False(result.Identity.IsAuthenticated);
        Assert.Null(result.Issuer);
        Assert.Equal(0, scenario.Server.TotalRequests);
    }

    [Fact]
    public async Task LocalMode_WithoutOptIn_RejectsARequestWithoutHeader()
    {
        var scenario = LocalScenario(allowUnauthenticated: false);

        var result = await scenario.AuthenticateHeaderAsync(null);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Authentication is not configured", result.FailureReason);
    }

    [Fact]
    public async Task LocalMode_RejectsARequestThatCarriesAToken()
    {
        var scenario = LocalScenario(allowUnauthenticated: true);

        var result = await scenario.AuthenticateAsync(scenario.ChannelToken());

        Assert.False(result.Succeeded);
        Assert.Equal(0, scenario.Server.TotalRequests);
    }

    [Fact]
    public async Task OptIn_IsIgnored_WhenAnAppIdIsConfigured()
    {
        var scenario = new AuthenticationScenario(configure: o => o.AllowUnauthenticatedRequests = true);

        var result = await scenario.AuthenticateHeaderAsync(null);

        Assert.False(result.Succeeded);
        Assert.Equal("Missing Authorization header", result.FailureReason);
    }

    private static AuthenticationScenario LocalScenario(bool allowUnauthenticated) => new(configure: o =>
    {
        o.MicrosoftAppId = null;
        o.MicrosoftAppPassword = null;
        o.AllowUnauthenticatedRequests = allowUnauthenticated;
    });
}
