namespace BotFramework.Tests.Authentication;

/// <summary>No app id configured (local mode, design.md): requests without a token are accepted; tokens cannot be validated and are refused.</summary>
[Trait("Category", "Fast")]
public sealed class LocalModeAuthenticationTests
{
    [Fact]
    public async Task LocalMode_AcceptsARequestWithoutHeader_AsAnonymous()
    {
        var scenario = LocalScenario();

        var result = await scenario.AuthenticateHeaderAsync(null);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.False(result.IsChannelToken);
        Assert.Null(result.CallerAppId);
        Assert.Equal(0, scenario.Server.TotalRequests);
    }

    [Fact]
    public async Task LocalMode_RejectsARequestThatCarriesAToken()
    {
        var scenario = LocalScenario();

        var result = await scenario.AuthenticateAsync(scenario.ChannelToken());

        Assert.False(result.Succeeded);
        Assert.Equal(0, scenario.Server.TotalRequests);
    }

    [Fact]
    public async Task WithAnAppId_ARequestWithoutHeader_IsRejected()
    {
        var scenario = new AuthenticationScenario();

        var result = await scenario.AuthenticateHeaderAsync(null);

        Assert.False(result.Succeeded);
        Assert.Equal("Missing Authorization header", result.FailureReason);
    }

    private static AuthenticationScenario LocalScenario() => new(configure: o =>
    {
        o.MicrosoftAppId = null;
        o.MicrosoftAppPassword = null;
    });
}
