using System.Net;
using BotFramework.Connector.Authentication;

namespace BotFramework.Tests.Authentication;

[Trait("Category", "Fast")]
public sealed class OpenIdMetadataCacheTests
{
    private const string MetadataUrl = AuthenticationScenario.ChannelMetadataUrl;
    private const string JwksUrl = AuthenticationScenario.ChannelJwksUrl;

    private readonly FakeOpenIdServer _server = new();
    private readonly ManualClock _time = new(DateTimeOffset.UtcNow);
    private readonly List<TestSigningKey> _keys = [new("bf-key-1", "msteams", "webchat"), new("bf-key-bare", endorsements: null)];
    private readonly OpenIdMetadataCache _cache;

    public OpenIdMetadataCacheTests()
    {
        _server.AddIssuer(MetadataUrl, "https://api.botframework.com", _keys);
        _cache = new OpenIdMetadataCache(MetadataUrl, _server.CreateClient(), _time);
    }

    [Fact]
    public async Task Fetch_ReadsIssuerJwksUriKeysAndEndorsements()
    {
        var metadata = await _cache.GetMetadataAsync();

        Assert.Equal("https://api.botframework.com", metadata.Issuer);
        Assert.Equal(new Uri(JwksUrl), metadata.JwksUri);
        Assert.Equal(_time.GetUtcNow(), metadata.FetchedAt);
        Assert.Equal(["bf-key-1", "bf-key-bare"], metadata.KeyIds.Order());
        Assert.True(metadata.TryGetKey("bf-key-1", out var endorsed));
        Assert.Equal(["msteams", "webchat"], endorsed.Endorsements);
        Assert.True(endorsed.IsEndorsedFor("msteams"));
        Assert.Equal("RSA", endorsed.Key.Kty);
        Assert.True(metadata.TryGetKey("bf-key-bare", out var bare));
        Assert.Null(bare.Endorsements);
        Assert.False(bare.HasEndorsements);
    }

    [Fact]
    public async Task Fetch_SkipsKeysWithoutKeyIdOrNotForSigning()
    {
        _server.Serve(JwksUrl, """
            {"keys":[
              {"kty":"RSA","use":"enc","kid":"encryption","n":"AQAB","e":"AQAB"},
              {"kty":"RSA","use":"sig","n":"AQAB","e":"AQAB"},
              {"kty":"RSA","kid":"no-use","n":"AQAB","e":"AQAB","endorsements":["msteams"]}
            ]}
            """);

        var metadata = await _cache.GetMetadataAsync();

        Assert.Equal(["no-use"], metadata.KeyIds);
    }

    [Fact]
    public async Task WithinTwentyFourHours_ServesFromTheCache()
    {
        await _cache.GetMetadataAsync();
        _time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        await _cache.GetMetadataAsync();
        await _cache.PendingRefresh;

        Assert.Equal(1, _server.RequestCount(MetadataUrl));
        Assert.Equal(1, _server.RequestCount(JwksUrl));
    }

    [Fact]
    public async Task AfterTwentyFourHours_RefreshesInTheBackground_ServingTheOldKeysMeanwhile()
    {
        var first = await _cache.GetMetadataAsync();
        _keys.Add(new TestSigningKey("bf-key-2", "msteams"));
        _time.Advance(TimeSpan.FromHours(24));

        var served = await _cache.GetMetadataAsync();
        await _cache.PendingRefresh;
        var refreshed = await _cache.GetMetadataAsync();

        Assert.Same(first, served);
        Assert.Equal(2, _server.RequestCount(MetadataUrl));
        Assert.NotSame(first, refreshed);
        Assert.True(refreshed.TryGetKey("bf-key-2", out _));
        Assert.Equal(_time.GetUtcNow(), refreshed.FetchedAt);
    }

    [Fact]
    public async Task RefreshInterval_IsConfigurable()
    {
        var cache = new OpenIdMetadataCache(MetadataUrl, _server.CreateClient(), _time) { RefreshInterval = TimeSpan.FromHours(1) };
        await cache.GetMetadataAsync();
        _time.Advance(TimeSpan.FromHours(1));

        await cache.GetMetadataAsync();
        await cache.PendingRefresh;

        Assert.Equal(2, _server.RequestCount(MetadataUrl));
    }

    [Fact]
    public async Task ConcurrentFirstCalls_ShareOneFetch()
    {
        var release = new TaskCompletionSource();
        _server.Gate = release.Task;

        var calls = Enumerable.Range(0, 10).Select(_ => _cache.GetMetadataAsync()).ToList();
        release.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, _server.RequestCount(MetadataUrl));
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task StaleCallsDuringARefresh_StartNoSecondFetch()
    {
        await _cache.GetMetadataAsync();
        _time.Advance(TimeSpan.FromHours(25));
        var release = new TaskCompletionSource();
        _server.Gate = release.Task;

        for (var i = 0; i < 5; i++) await _cache.GetMetadataAsync();
        release.SetResult();
        await _cache.PendingRefresh;

        Assert.Equal(2, _server.RequestCount(MetadataUrl));
    }

    [Fact]
    public async Task FirstFetchFailing_Throws()
    {
        _server.FailWith = HttpStatusCode.InternalServerError;

        var error = await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());

        Assert.Contains(MetadataUrl, error.Message);
        Assert.Contains("500", error.InnerException?.Message);
    }

    [Fact]
    public async Task FirstFetchFailing_IsNotRetriedByEveryRequest_ButAfterAPauseThatDoubles()
    {
        _server.FailWith = HttpStatusCode.ServiceUnavailable;
        await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());
        var fetched = _server.RequestCount(MetadataUrl);

        // Requests during the pause fail at once, without fetching.
        for (var i = 0; i < 20; i++) await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());
        Assert.Equal(fetched, _server.RequestCount(MetadataUrl));

        _time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());
        Assert.Equal(2 * fetched, _server.RequestCount(MetadataUrl));

        _time.Advance(TimeSpan.FromSeconds(2)); // the pause is now 4 s
        await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());
        Assert.Equal(2 * fetched, _server.RequestCount(MetadataUrl));

        _server.FailWith = null;
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await _cache.GetMetadataAsync());
    }

    [Fact]
    public async Task AJwksUriOverPlainHttp_IsRefused()
    {
        _server.Serve(MetadataUrl, """{"issuer":"https://api.botframework.com","jwks_uri":"http://login.botframework.test/v1/.well-known/keys"}""");

        var error = await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());

        Assert.Contains("jwks_uri (an https URL)", error.InnerException?.Message);
        Assert.Equal(0, _server.RequestCount("http://login.botframework.test/v1/.well-known/keys"));
    }

    [Fact]
    public async Task MissingJwksUri_Throws()
    {
        _server.Serve(MetadataUrl, """{"issuer":"https://api.botframework.com"}""");

        var error = await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());

        Assert.Contains("jwks_uri", error.InnerException?.Message);
    }

    [Fact]
    public async Task KeySetWithoutKeys_Throws()
    {
        _server.Serve(JwksUrl, """{"keys":[]}""");

        await Assert.ThrowsAsync<OpenIdMetadataException>(() => _cache.GetMetadataAsync());
    }

    [Fact]
    public async Task FailedBackgroundRefresh_KeepsTheOldKeys_AndRetriesOnlyAfterFiveMinutes()
    {
        var first = await _cache.GetMetadataAsync();
        _time.Advance(TimeSpan.FromHours(24));
        _server.FailWith = HttpStatusCode.BadGateway;

        Assert.Same(first, await _cache.GetMetadataAsync());
        await _cache.PendingRefresh;
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Same(first, await _cache.GetMetadataAsync());
        await _cache.PendingRefresh;
        Assert.Equal(2, _server.RequestCount(MetadataUrl));

        _server.FailWith = null;
        _time.Advance(TimeSpan.FromMinutes(1));
        await _cache.GetMetadataAsync();
        await _cache.PendingRefresh;

        Assert.Equal(3, _server.RequestCount(MetadataUrl));
        Assert.NotSame(first, await _cache.GetMetadataAsync());
    }

    [Fact]
    public async Task KnownKeyId_NeedsNoRefresh()
    {
        var metadata = await _cache.GetMetadataWithKeyAsync("bf-key-1");

        Assert.NotNull(metadata);
        Assert.Equal(1, _server.RequestCount(MetadataUrl));
    }

    [Fact]
    public async Task UnknownKeyId_ForcesOneRefresh_ThenIsThrottledForFiveMinutes()
    {
        Assert.Null(await _cache.GetMetadataWithKeyAsync("rotated-in"));
        Assert.Equal(2, _server.RequestCount(MetadataUrl));

        _keys.Add(new TestSigningKey("rotated-in", "msteams"));
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Null(await _cache.GetMetadataWithKeyAsync("rotated-in"));
        Assert.Equal(2, _server.RequestCount(MetadataUrl));

        _time.Advance(TimeSpan.FromSeconds(1));
        var metadata = await _cache.GetMetadataWithKeyAsync("rotated-in");

        Assert.NotNull(metadata);
        Assert.True(metadata.TryGetKey("rotated-in", out _));
        Assert.Equal(3, _server.RequestCount(MetadataUrl));
    }

    [Fact]
    public async Task FailedForcedRefresh_KeepsTheKnownKeys()
    {
        await _cache.GetMetadataAsync();
        _server.FailWith = HttpStatusCode.ServiceUnavailable;

        Assert.Null(await _cache.GetMetadataWithKeyAsync("rotated-in"));

        Assert.NotNull(await _cache.GetMetadataWithKeyAsync("bf-key-1"));
    }
}
