using BotFramework.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace BotFramework.Tests.Authentication;

/// <summary>Tokens Azure Bot Service sends (issuer https://api.botframework.com), each way they can be wrong.</summary>
[Trait("Category", "Fast")]
public sealed class ChannelTokenValidationTests
{
    private readonly AuthenticationScenario _scenario = new();

    [Fact]
    public async Task ValidChannelToken_IsAccepted_AsAChannelToken_NamingNoCaller()
    {
        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsAnonymous);
        Assert.True(result.IsChannelToken);
        Assert.Null(result.CallerAppId);
        Assert.Null(result.FailureReason);
        Assert.Equal("authenticated (channel token)", result.ToString());
    }

    [Fact]
    public async Task ManyValidTokens_FetchTheMetadataOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken());
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, _scenario.ChannelMetadataRequests);
        Assert.Equal(1, _scenario.Server.RequestCount(AuthenticationScenario.ChannelJwksUrl));
    }

    [Fact]
    public async Task MissingHeader_IsRejected()
    {
        var result = await _scenario.AuthenticateHeaderAsync(null);

        Assert.False(result.Succeeded);
        Assert.Equal("Missing Authorization header", result.FailureReason);
        Assert.False(result.IsAnonymous);
        Assert.False(result.IsChannelToken);
        Assert.Null(result.CallerAppId);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("bearer {token}")]
    [InlineData("Bearer")]
    [InlineData("Bearer  {token}")]
    [InlineData("Bearer {token} extra")]
    [InlineData("{token}")]
    public async Task HeaderNotBearerAndToken_IsRejected(string header)
    {
        var result = await _scenario.AuthenticateHeaderAsync(header.Replace("{token}", _scenario.ChannelToken()));

        Assert.False(result.Succeeded);
        Assert.Equal("Authorization header is not 'Bearer <token>'", result.FailureReason);
    }

    [Fact]
    public async Task MalformedToken_IsRejected()
    {
        var result = await _scenario.AuthenticateAsync("not.a-jwt");

        Assert.False(result.Succeeded);
        Assert.Equal("Malformed token", result.FailureReason);
    }

    [Fact]
    public async Task TokenExpiredBeyondClockSkew_IsRejected()
    {
        var token = _scenario.ChannelToken(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-1);
            d.Expires = DateTime.UtcNow.AddMinutes(-6);
        });

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token expired", result.FailureReason);
    }

    [Fact]
    public async Task TokenExpiredThreeMinutesAgo_IsAcceptedWithinClockSkew()
    {
        var token = _scenario.ChannelToken(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-1);
            d.Expires = DateTime.UtcNow.AddMinutes(-3);
        });

        var result = await _scenario.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task TokenNotYetValid_IsRejected()
    {
        var token = _scenario.ChannelToken(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(10);
            d.Expires = DateTime.UtcNow.AddHours(1);
        });

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token not yet valid", result.FailureReason);
    }

    [Fact]
    public async Task TokenWithoutExpiry_IsRejected()
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthenticationConstants.ChannelTokenIssuer,
            Audience = AuthenticationScenario.AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = AuthenticationScenario.ServiceUrl },
            SigningCredentials = _scenario.ChannelKeys[0].SigningCredentials(),
        });

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no expiry", result.FailureReason);
    }

    [Fact]
    public async Task TokenForAnotherBot_IsRejected()
    {
        var token = _scenario.ChannelToken(d => d.Audience = "11111111-2222-3333-4444-555555555555");

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid audience", result.FailureReason);
    }

    [Fact]
    public async Task TokenForTheConnector_AudienceApiBotframework_IsRejected()
    {
        var token = _scenario.ChannelToken(d => d.Audience = "https://api.botframework.com");

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid audience", result.FailureReason);
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://evil.example")]
    [InlineData("https://sts.windows.net/" + AuthenticationScenario.TenantId + "/")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    public async Task UntrustedIssuer_IsRejectedBeforeFetchingAnyKeys(string issuer)
    {
        var token = _scenario.ChannelToken(d => d.Issuer = issuer);

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Untrusted token issuer", result.FailureReason);
        Assert.Equal(0, _scenario.Server.TotalRequests);
    }

    [Fact]
    public async Task TokenWithoutIssuer_IsRejected()
    {
        var token = _scenario.ChannelToken(d => d.Issuer = null);

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Untrusted token issuer", result.FailureReason);
    }

    [Fact]
    public async Task TokenWithoutKeyId_IsRejected()
    {
        var token = _scenario.ChannelToken(d => d.SigningCredentials = _scenario.ChannelKeys[0].SigningCredentialsWithoutKeyId());

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no key id (kid)", result.FailureReason);
    }

    [Fact]
    public async Task TokenSignedByAnotherKeyWithTheSameKeyId_IsRejected()
    {
        var impostor = new TestSigningKey(_scenario.ChannelKeys[0].KeyId, material: "impostor", ["msteams"]);
        var token = _scenario.ChannelToken(key: impostor);

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid signature", result.FailureReason);
    }

    [Fact]
    public async Task TokenWithTamperedPayload_IsRejected()
    {
        var parts = _scenario.ChannelToken().Split('.');
        var otherPayload = _scenario.ChannelToken(d => d.Audience = "11111111-2222-3333-4444-555555555555").Split('.')[1];

        var result = await _scenario.AuthenticateAsync($"{parts[0]}.{otherPayload}.{parts[2]}");

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid signature", result.FailureReason);
    }

    [Fact]
    public async Task Hs256Token_WithAKnownKeyId_IsRejected()
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = _scenario.ChannelKeys[0].KeyId };
        var token = _scenario.ChannelToken(d => d.SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Signing algorithm not allowed", result.FailureReason);
    }

    [Fact]
    public async Task UnsignedToken_IsRejected()
    {
        var signed = _scenario.ChannelToken().Split('.');
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","kid":"{{_scenario.ChannelKeys[0].KeyId}}","typ":"JWT"}""");

        var result = await _scenario.AuthenticateAsync($"{header}.{signed[1]}.");

        Assert.False(result.Succeeded);
        Assert.Equal("Signing algorithm not allowed", result.FailureReason);
    }

    [Fact]
    public async Task Rs512Token_IsAccepted()
    {
        var token = _scenario.ChannelToken(d => d.SigningCredentials = _scenario.ChannelKeys[0].SigningCredentials(SecurityAlgorithms.RsaSha512));

        var result = await _scenario.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task UnavailableMetadata_IsAFailureNotAnException()
    {
        _scenario.Server.FailWith = System.Net.HttpStatusCode.ServiceUnavailable;

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken());

        Assert.False(result.Succeeded);
        Assert.Equal("Signing keys are unavailable", result.FailureReason);
    }
}
