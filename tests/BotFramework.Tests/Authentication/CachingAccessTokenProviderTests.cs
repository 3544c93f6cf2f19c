using BotFramework.Connector.Authentication;

namespace BotFramework.Tests.Authentication;

[Trait("Category", "Fast")]
public sealed class CachingAccessTokenProviderTests
{
    private readonly ManualClock _time = new(DateTimeOffset.UtcNow);
    private int _calls;

    [Fact]
    public async Task FirstCall_AsksTheInnerProvider()
    {
        var provider = new CachingAccessTokenProvider(IssueToken(TimeSpan.FromHours(1)), _time);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync());
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneInnerCall()
    {
        var release = new TaskCompletionSource<AccessToken>();
        var provider = new CachingAccessTokenProvider(_ =>
        {
            Interlocked.Increment(ref _calls);
            return release.Task;
        }, _time);

        var callers = Enumerable.Range(0, 20).Select(_ => provider.GetAccessTokenAsync()).ToList();
        release.SetResult(new AccessToken("shared", _time.GetUtcNow().AddHours(1)));
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _calls);
        Assert.All(tokens, t => Assert.Equal("shared", t));
    }

    [Fact]
    public async Task CachedToken_IsReused_UntilFiveMinutesBeforeExpiry()
    {
        var provider = new CachingAccessTokenProvider(IssueToken(TimeSpan.FromHours(1)), _time);
        await provider.GetAccessTokenAsync();

        _time.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromSeconds(1));

        Assert.Equal("token-1", await provider.GetAccessTokenAsync());
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task CachedToken_IsRefreshed_FiveMinutesBeforeExpiry()
    {
        var provider = new CachingAccessTokenProvider(IssueToken(TimeSpan.FromHours(1)), _time);
        await provider.GetAccessTokenAsync();

        _time.Advance(TimeSpan.FromMinutes(55));

        Assert.Equal("token-2", await provider.GetAccessTokenAsync());
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task FailedInnerCall_IsNotCached_AndTheNextCallerRetries()
    {
        var provider = new CachingAccessTokenProvider(_ =>
        {
            return ++_calls == 1
                ? Task.FromException<AccessToken>(new InvalidOperationException("AADSTS700016"))
                : Task.FromResult(new AccessToken("recovered", _time.GetUtcNow().AddHours(1)));
        }, _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAccessTokenAsync());

        Assert.Equal("recovered", await provider.GetAccessTokenAsync());
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task EmptyToken_IsAnError()
    {
        var provider = new CachingAccessTokenProvider(_ => Task.FromResult(new AccessToken("", _time.GetUtcNow().AddHours(1))), _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAccessTokenAsync());
    }

    [Fact]
    public async Task CallerGivingUp_DoesNotCancelTheSharedRequest()
    {
        var release = new TaskCompletionSource<AccessToken>();
        var provider = new CachingAccessTokenProvider(_ =>
        {
            Interlocked.Increment(ref _calls);
            return release.Task;
        }, _time);
        using var cancellation = new CancellationTokenSource();

        var impatient = provider.GetAccessTokenAsync(cancellation.Token);
        var patient = provider.GetAccessTokenAsync();
        await cancellation.CancelAsync();
        release.SetResult(new AccessToken("shared", _time.GetUtcNow().AddHours(1)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.Equal("shared", await patient);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task NoAccessTokenProvider_ReturnsNull()
    {
        Assert.Null(await NoAccessTokenProvider.Instance.GetAccessTokenAsync());
    }

    private Func<CancellationToken, Task<AccessToken>> IssueToken(TimeSpan lifetime) => _ =>
    {
        var n = Interlocked.Increment(ref _calls);
        return Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow() + lifetime));
    };
}
