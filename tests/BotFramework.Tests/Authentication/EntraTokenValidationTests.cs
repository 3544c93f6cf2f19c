using BotFramework.Connector.Authentication;

namespace BotFramework.Tests.Authentication;

/// <summary>
/// Tokens issued by the bot's own Entra tenant, accepted only for SingleTenant and UserAssignedMSI bots, and
/// only app-only ones that name their caller. Such a token proves only that some application of the tenant
/// called: which callers get in (Bot:AllowedCallers), where replies may go (the serviceUrl allow-list) and who
/// the sender is (asked of Teams) are decided after this check — see the host's security tests.
/// </summary>
[Trait("Category", "Fast")]
public sealed class EntraTokenValidationTests
{
    private const string BotIdAudience = "api://botid-" + AuthenticationScenario.AppId;

    private readonly AuthenticationScenario _singleTenant = new(MicrosoftAppType.SingleTenant);

    [Fact]
    public async Task SingleTenant_AppOnlyEntraV1Token_IsAuthenticated_WithTheCallerFromAppId_ForTheHostToCheck()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV1Issuer, BotIdAudience);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsChannelToken);
        Assert.False(result.IsAnonymous);
        Assert.Equal(AuthenticationScenario.CallerAppId, result.CallerAppId);
        Assert.Equal(1, _singleTenant.Server.RequestCount(AuthenticationScenario.EntraMetadataUrl));
        Assert.Equal(0, _singleTenant.ChannelMetadataRequests);
    }

    [Fact]
    public async Task SingleTenant_AppOnlyEntraV2Token_IsAuthenticated_WithTheCallerFromAzp_ForTheHostToCheck()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience);

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsChannelToken);
        Assert.False(result.IsAnonymous);
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

    [Theory]
    [InlineData(AuthenticationScenario.EntraV1Issuer)]
    [InlineData(AuthenticationScenario.EntraV2Issuer)]
    public async Task SingleTenant_DelegatedUserToken_WithScopes_IsRejected(string issuer)
    {
        var token = _singleTenant.EntraToken(issuer, BotIdAudience, d => d.Claims["scp"] = "access_as_user");

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Delegated (user) tokens are not accepted", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_TokenOfTypeUser_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience, d => d.Claims["idtyp"] = "user");

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Delegated (user) tokens are not accepted", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_AppOnlyTokenWithIdtypApp_IsAccepted()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience, d => d.Claims["idtyp"] = "app");

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsChannelToken);
    }

    [Fact]
    public async Task SingleTenant_TokenWithoutVersion_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV1Issuer, BotIdAudience, d => d.Claims.Remove("ver"));

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no version (ver)", result.FailureReason);
    }

    [Theory]
    [InlineData(AuthenticationScenario.EntraV1Issuer, "appid")]
    [InlineData(AuthenticationScenario.EntraV2Issuer, "azp")]
    public async Task SingleTenant_TokenThatNamesNoCaller_IsRejected(string issuer, string callerClaim)
    {
        var token = _singleTenant.EntraToken(issuer, BotIdAudience, d => d.Claims.Remove(callerClaim));

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token names no calling application (appid or azp for its version)", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_V2TokenWhoseCallerIsOnlyInAppid_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV2Issuer, BotIdAudience, d =>
        {
            d.Claims.Remove("azp");
            d.Claims["appid"] = AuthenticationScenario.CallerAppId;
        });

        var result = await _singleTenant.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SingleTenant_EntraTokenFromAnotherAppOfTheTenant_BoundToAnotherServiceUrl_IsRejected()
    {
        var token = _singleTenant.EntraToken(AuthenticationScenario.EntraV1Issuer, AuthenticationScenario.AppId, d =>
        {
            d.Claims["appid"] = "5d2c6a0e-1b7f-4e3a-9c8d-0f1e2d3c4b5a";
            d.Claims["serviceurl"] = "https://smba.trafficmanager.net/amer/";
        });

        var result = await _singleTenant.AuthenticateAsync(token, serviceUrl: "http://attacker.example/");

        Assert.False(result.Succeeded);
        Assert.Equal("serviceurl claim mismatch", result.FailureReason);
    }

    [Fact]
    public async Task SingleTenant_ChannelToken_IsStillAccepted()
    {
        var result = await _singleTenant.AuthenticateAsync(_singleTenant.ChannelToken());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.True(result.IsChannelToken);
        Assert.Null(result.CallerAppId);
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
