namespace BotFramework.Tests.Authentication;

/// <summary>What binds a channel token to the activity: the signing key's endorsements and the serviceurl claim.</summary>
[Trait("Category", "Fast")]
public sealed class ChannelTokenBindingTests
{
    private readonly AuthenticationScenario _scenario = new();

    [Fact]
    public async Task KeyNotEndorsedForTheActivitysChannel_IsRejected()
    {
        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(), channelId: "slack");

        Assert.False(result.Succeeded);
        Assert.Equal("Signing key is not endorsed for the activity's channel", result.FailureReason);
    }

    [Fact]
    public async Task EndorsementCheck_IsCaseSensitive()
    {
        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(), channelId: "MSTeams");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmptyChannelId_PassesTheEndorsementCheck()
    {
        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(), channelId: "");

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task KeyWithoutEndorsements_IsRejected()
    {
        var bare = new TestSigningKey("bf-key-bare", endorsements: null);
        _scenario.ChannelKeys.Add(bare);

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: bare));

        Assert.False(result.Succeeded);
        Assert.Equal("Could not validate endorsement key", result.FailureReason);
    }

    [Fact]
    public async Task KeyWithAnEmptyEndorsementList_IsRejectedEvenForAnEmptyChannelId()
    {
        var bare = new TestSigningKey("bf-key-empty");
        _scenario.ChannelKeys.Add(bare);

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: bare), channelId: "");

        Assert.False(result.Succeeded);
        Assert.Equal("Could not validate endorsement key", result.FailureReason);
    }

    [Fact]
    public async Task RequiredEndorsementMissingOnTheKey_IsRejected()
    {
        var scenario = new AuthenticationScenario(configure: o => o.RequiredEndorsements = ["msteams", "contoso-only"]);

        var result = await scenario.AuthenticateAsync(scenario.ChannelToken());

        Assert.False(result.Succeeded);
        Assert.Equal("Signing key lacks a required endorsement", result.FailureReason);
    }

    [Fact]
    public async Task RequiredEndorsementsPresentOnTheKey_AreAccepted()
    {
        var scenario = new AuthenticationScenario(configure: o => o.RequiredEndorsements = ["webchat"]);

        var result = await scenario.AuthenticateAsync(scenario.ChannelToken());

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ServiceUrlClaimMissing_IsRejected()
    {
        var token = _scenario.ChannelToken(d => d.Claims.Remove("serviceurl"));

        var result = await _scenario.AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Equal("Missing serviceurl claim", result.FailureReason);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/" + AuthenticationScenario.TenantId + "/")]
    [InlineData("https://attacker.example/emea/" + AuthenticationScenario.TenantId + "/")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ServiceUrlNotTheOneInTheToken_IsRejected(string? serviceUrl)
    {
        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(), serviceUrl: serviceUrl);

        Assert.False(result.Succeeded);
        Assert.Equal("serviceurl claim mismatch", result.FailureReason);
    }

    [Theory]
    [InlineData("https://SMBA.trafficmanager.net/EMEA/" + AuthenticationScenario.TenantId + "/")]
    [InlineData("https://smba.trafficmanager.net/emea/" + AuthenticationScenario.TenantId)]
    [InlineData("HTTPS://smba.trafficmanager.net/emea/" + AuthenticationScenario.TenantId)]
    public async Task ServiceUrlDifferingOnlyInCaseOrTrailingSlash_IsAccepted(string serviceUrl)
    {
        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(), serviceUrl: serviceUrl);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ServiceUrlClaimWithoutTrailingSlash_MatchesActivityWithOne()
    {
        var token = _scenario.ChannelToken(d => d.Claims["serviceurl"] = "https://smba.trafficmanager.net/teams");

        var result = await _scenario.AuthenticateAsync(token, serviceUrl: "https://smba.trafficmanager.net/teams/");

        Assert.True(result.Succeeded, result.FailureReason);
    }
}
