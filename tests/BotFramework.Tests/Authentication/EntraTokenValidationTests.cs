using BotFramework.Connector.Authentication;

namespace BotFramework.Tests.Authentication;

/// <summary>Tokens issued by the bot's own Entra tenant, accepted only for SingleTenant and UserAssignedMSI bots.</summary>
public sealed class EntraTokenValidationTests
{
    private const string BotIdAudience = "api://botid-" + AuthenticationScenario.AppId;

    private readonly AuthenticationScenario _singleTenant = new(MicrosoftAppType.SingleTenant);

    [Fact]
    public async Task SingleTenant_EntraV1Token_IsAccepted_WithTheCallerFromAppId()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV1Issuer, BotIdAudience);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(AuthenticationScenario.EntraV1Issuer, result.Issuer);
        Assert.Equal(AuthenticationScenario.CallerAppId, result.CallerAppId);
        Assert.Equal(1, _singleTenant.Server.RequestCount(AuthenticationScenario.EntraMetadataUrl));
        Assert.Equal(0, _singleTenant.ChannelMetadataRequests);
    }

    [Fact]
    public async Task SingleTenant_EntraV2Token_IsAccepted_WithTheCallerFromAzp()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(AuthenticationScenario.EntraV2Issuer, result.Issuer);
        Assert.Equal(AuthenticationScenario.CallerAppId, result.CallerAppId);
    }

    [Theory]
    [InlineData(AuthenticationScenario.AppId)]
    [InlineData("api://" + AuthenticationScenario.AppId)]
    public async Task SingleTenant_EntraToken_ForTheOtherAppIdAudiences_IsAccepted(string audience)
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, audience);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("https://api.botframework.com")]
    [InlineData("api://botid-11111111-2222-3333-4444-555555555555")]
    [InlineData("https://graph.microsoft.com")]
    public async Task SingleTenant_EntraToken_ForAnotherAudience_IsRejected(string audience)
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, audience);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid audience", result.FailureReason);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + AuthenticationScenario.OtherTenantId + "/")]
    [InlineData("https://login.microsoftonline.com/" + AuthenticationScenario.OtherTenantId + "/v2.0")]
    public async Task SingleTenant_EntraToken_FromAnotherTenant_IsRejected(string issuer)
    {
        var token = _singleTenant.EntraToken(issuer, BotIdAudience, d => d.Claims["tid"] = AuthenticationScenario.OtherTenantId);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Untrusted token issuer", result.FailureReason);
        Assert.Equal(0, _singleTenant.Server.TotalRequests);
    }

    [Fact]
    public async Task SingleTenant_EntraToken_WhoseTidIsAnotherTenant_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience, d => d.Claims["tid"] = AuthenticationScenario.OtherTenantId);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token tenant does not match MicrosoftAppTenantId", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_EntraToken_SignedWithTheChannelsKey_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience, key: _singleTenant.ChannelKeys[0]);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Unknown signing key", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_EntraToken_Expired_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience, d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddHours(-1);
        });

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token expired", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_ChannelToken_IsStillAccepted()
    {
        var result = await _singleTenant.AuthenticateAsync(_singleTenant.ChannelToken());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(AuthenticationConstants.ChannelTokenIssuer, result.Issuer);
    }

    [Fact]
    public async Task SingleTenant_TenantIdConfiguredInUpperCase_StillMatchesTheLowerCaseIssuer()
    {
        var scenario = new AuthenticationScenario(MicrosoftAppType.SingleTenant, o => o.MicrosoftAppTenantId = AuthenticationScenario.TenantId.ToUpperInvariant());
        scenario.Server.AddIssuer(scenario.Options.EntraOpenIdMetadataUrl, AuthenticationScenario.EntraV2Issuer, scenario.EntraKeys);
        var token = scenario.EntraToken(AuthenticationScenario.EntraV1Issuer, BotIdAudience);

        var result = await scenario.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task UserAssignedMsi_EntraToken_IsAccepted()
    {
        var scenario = new AuthenticationScenario(MicrosoftAppType.UserAssignedMSI);
        var token = scenario.EntraToken(AuthenticationScenario.EntraV1Issuer, BotIdAudience);

        var result = await scenario.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(AuthenticationScenario.EntraV1Issuer)]
    [InlineData(AuthenticationScenario.EntraV2Issuer)]
    public async Task MultiTenant_EntraToken_IsRejected_EvenWithATenantConfigured(string issuer)
    {
        var scenario = new AuthenticationScenario(MicrosoftAppType.MultiTenant, o => o.MicrosoftAppTenantId = AuthenticationScenario.TenantId);
        var token = scenario.EntraToken(issuer, BotIdAudience);

        var result = await scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Untrusted token issuer", result.FailureReason);
        Assert.Equal(0, scenario.Server.TotalRequests);
    }
}
