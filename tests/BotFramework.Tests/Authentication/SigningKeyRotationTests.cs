namespace BotFramework.Tests.Authentication;

/// <summary>Tokens signed with a key id the cached key set does not know: one throttled forced refresh.</summary>
[Trait("Category", "Fast")]
public sealed class SigningKeyRotationTests
{
    private readonly AuthenticationScenario _scenario = new();

    [Fact]
    public async Task UnknownKeyId_IsRejected_AfterOneForcedRefresh()
    {
        var stranger = new TestSigningKey("never-published", "msteams");

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: stranger));

        Assert.False(result.Succeeded);
        Assert.Equal("Unknown signing key", result.FailureReason);
        Assert.Equal(2, _scenario.ChannelMetadataRequests);
        Assert.Equal(2, _scenario.Server.RequestCount(AuthenticationScenario.ChannelJwksUrl));
    }

    [Fact]
    public async Task KeyRotatedInAfterTheFirstFetch_IsPickedUpByTheForcedRefresh()
    {
        Assert.True((await _scenario.AuthenticateAsync(_scenario.ChannelToken())).Succeeded);
        var rotated = new TestSigningKey("bf-key-2", "msteams");
        _scenario.ChannelKeys.Add(rotated);

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: rotated));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, _scenario.ChannelMetadataRequests);
    }

    [Fact]
    public async Task SecondUnknownKeyIdWithinFiveMinutes_DoesNotRefetch()
    {
        await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: new TestSigningKey("unknown-1", "msteams")));
        Assert.Equal(2, _scenario.ChannelMetadataRequests);
        _scenario.Time.Advance(TimeSpan.FromMinutes(4));

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: new TestSigningKey("unknown-2", "msteams")));

        Assert.False(result.Succeeded);
        Assert.Equal("Unknown signing key", result.FailureReason);
        Assert.Equal(2, _scenario.ChannelMetadataRequests);
    }

    [Fact]
    public async Task UnknownKeyIdAfterFiveMinutes_RefetchesAgain()
    {
        await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: new TestSigningKey("unknown-1", "msteams")));
        var rotated = new TestSigningKey("bf-key-2", "msteams");
        _scenario.ChannelKeys.Add(rotated);
        _scenario.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: rotated));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(3, _scenario.ChannelMetadataRequests);
    }

    [Fact]
    public async Task RepeatedUnknownKeyIds_DoNotSlowDownOrRefetchForValidTokens()
    {
        await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: new TestSigningKey("unknown-1", "msteams")));

        for (var i = 0; i < 3; i++)
        {
            Assert.False((await _scenario.AuthenticateAsync(_scenario.ChannelToken(key: new TestSigningKey($"attacker-{i}", "msteams")))).Succeeded);
            Assert.True((await _scenario.AuthenticateAsync(_scenario.ChannelToken())).Succeeded);
        }

        Assert.Equal(2, _scenario.ChannelMetadataRequests);
    }
}
