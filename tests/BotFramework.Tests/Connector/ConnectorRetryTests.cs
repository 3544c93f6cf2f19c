using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Net.Sockets;
using BotFramework.Connector;
using BotFramework.Connector.Authentication;
using BotFramework.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotFramework.Tests.Connector;

/// <summary>The Connector client as <c>AddBotFrameworkHosting</c> builds it: the named HttpClient with its retry handler.</summary>
[Trait("Category", "Host")]
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    /// <summary>A short first retry delay, so only a honoured <c>Retry-After</c> makes a retry wait a second.</summary>
    private ConnectorClient Client(int maxRetries = 3, string retryDelay = "00:00:00.010")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:ConnectorMaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bot:ConnectorRetryDelay"] = retryDelay,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IAccessTokenProvider>(new StaticTokenProvider("outbound-token"));
        services.AddBotFrameworkHosting(configuration);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ConnectorClient>();
    }

    private Activity Reply() => new()
    {
        Type = ActivityTypes.Message,
        Text = "Filed.",
        ServiceUrl = _connector.ServiceUrl,
        Conversation = new ConversationAccount("19:abc@thread.tacv2;messageid=123"),
        ReplyToId = "1740819600123",
    };

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_IsRetriedOnceAfterThatLong()
    {
        _connector.Enqueue(429, """{"error":{"code":"Throttled","message":"Too many requests."}}""", ("Retry-After", "1"));
        _connector.Enqueue(200, """{"id":"1740819600999"}""");

        var response = await Client().ReplyToActivityAsync(Reply());

        Assert.Equal("1740819600999", response.Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(950),
            $"The retry came {Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp).TotalMilliseconds:0} ms after the 429.");
        Assert.Equal(requests[0].Target, requests[1].Target);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("Bearer outbound-token", requests[1].Authorization);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task RetryableStatus_IsRetried_WithTheSameRequest(int status)
    {
        _connector.Enqueue(status);
        _connector.Enqueue(status);
        _connector.Enqueue(200, """{"id":"42"}""");

        var response = await Client().ReplyToActivityAsync(Reply());

        Assert.Equal("42", response.Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal([status, status, 200], requests.Select(r => r.Status));
        Assert.All(requests, r => Assert.Equal(requests[0] with { Timestamp = r.Timestamp, Status = r.Status }, r));
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "InternalServerError")]
    public async Task FinalStatus_IsNotRetried_AndSurfacesWithItsCode(int status, string code)
    {
        _connector.Enqueue(status, $$$"""{"error":{"code":"{{{code}}}","message":"no"}}""");
        _connector.Enqueue(200);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().ReplyToActivityAsync(Reply()));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.Error?.Error?.Code);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task StillFailing_GivesUpAfterConnectorMaxRetries_WithTheLastStatus()
    {
        for (var i = 0; i < 5; i++) _connector.Enqueue(503, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(maxRetries: 2).SendToConversationAsync(Reply()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("ServiceUnavailable", error.Error?.Error?.Code);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task ZeroRetries_SendsOnce()
    {
        _connector.Enqueue(429, null, ("Retry-After", "1"));
        _connector.Enqueue(200);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(maxRetries: 0).SendToConversationAsync(Reply()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task UnreachableConnector_FailsWithTheNetworkError_AfterRetrying()
    {
        var client = Client(maxRetries: 2);
        var activity = Reply();
        activity.ServiceUrl = $"http://127.0.0.1:{ClosedPort()}/emea/";

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.ReplyToActivityAsync(activity));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
    }

    [Fact]
    public void RetryableStatuses_AreTheOnesTeamsAsksFor()
    {
        var retried = Enum.GetValues<HttpStatusCode>().Distinct()
            .Where(s => HostingServiceCollectionExtensions.IsRetryable(Polly.Outcome.FromResult(new HttpResponseMessage(s))))
            .Select(s => (int)s)
            .Order();

        Assert.Equal([412, 429, 502, 503, 504], retried);
        Assert.True(HostingServiceCollectionExtensions.IsRetryable(Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.False(HostingServiceCollectionExtensions.IsRetryable(Polly.Outcome.FromException<HttpResponseMessage>(new TaskCanceledException())));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
