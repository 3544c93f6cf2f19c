using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TestKit;

/// <summary>
/// A real HTTP listener on 127.0.0.1 playing the Bot Connector. It records every request as it arrived on
/// the wire (raw target, headers, body, the status it got) and answers like Teams does: 201 with a new id
/// for a post, 200 for an update, a new thread for a created channel conversation, the members it was told
/// about (else 404). A test can script the next answers (<see cref="Enqueue"/>, <see cref="Fail"/>) or hold
/// posts (<see cref="Hold"/>). <see cref="ServiceUrl"/> has a regional path, like Teams' serviceUrls.
/// It also plays App Service's managed identity endpoint (<see cref="ManagedIdentityEndpoint"/>).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const string RegionPath = "/emea/3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77/";

    /// <summary>The token the managed identity endpoint answers, to a request with <see cref="ManagedIdentityHeader"/>.</summary>
    public const string ManagedIdentityToken = "mi-token-from-the-fake-identity-endpoint";

    public const string ManagedIdentityHeader = "fake-identity-header-value";

    private const string TokenPath = "/msi/token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly Channel<ConnectorRequest> _arrivals = Channel.CreateUnbounded<ConnectorRequest>();
    private int _nextId = 1000;
    private int _holding;

    private FakeConnector(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    /// <summary>The serviceUrl an activity from this "channel" carries (with its trailing slash).</summary>
    public string ServiceUrl => BaseAddress + RegionPath;

    /// <summary><c>IDENTITY_ENDPOINT</c> for a managed identity: <c>GET</c> with the right header answers <see cref="ManagedIdentityToken"/>.</summary>
    public string ManagedIdentityEndpoint => BaseAddress + TokenPath;

    /// <summary>Every Connector request in the order it arrived, answered or failed (not the token requests).</summary>
    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    /// <summary>Requests for a managed identity token, with the resource asked for.</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>
    /// Who Teams says each member is (keyed by conversation id, then member id), answered to
    /// <c>GET …/conversations/{id}/members/{memberId}</c>; anyone else gets 404 as Teams answers.
    /// </summary>
    public ConcurrentDictionary<(string Conversation, string Member), ChannelAccount> Members { get; } = new();

    /// <summary>When set, posts wait for it before being answered (a slow Connector).</summary>
    public Task? Hold { get; set; }

    /// <summary>How many posts have been held so far.</summary>
    public int Holding => Volatile.Read(ref _holding);

    /// <summary>How many scripted answers are still waiting for a request.</summary>
    public int ScriptedAnswersLeft => _script.Count;

    /// <summary>The requests that got a success status.</summary>
    public IReadOnlyList<ConnectorRequest> Delivered => [.. Requests.Where(r => r.Status is >= 200 and < 300)];

    /// <summary>The messages the bot delivered (replies and sends), in the order they arrived.</summary>
    public IReadOnlyList<Activity> Messages =>
        [.. Delivered.Where(r => r.Method == "POST" && r.Activity?.Type == ActivityTypes.Message).Select(r => r.Activity!)];

    /// <summary>The updates (PUT) the bot delivered.</summary>
    public IReadOnlyList<ConnectorRequest> Updates => [.. Delivered.Where(r => r.Method == "PUT")];

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.BaseAddress = app.Urls.Single();
        return connector;
    }

    /// <summary>The next request answers with <paramref name="status"/>, <paramref name="body"/> (JSON) and the headers.</summary>
    public void Enqueue(int status, string? body = null, params (string Name, string Value)[] headers) =>
        _script.Enqueue(new Reply(status, body, headers));

    /// <summary>The next request fails with <paramref name="status"/> and a Connector error body (and <c>Retry-After</c> when given).</summary>
    public void Fail(HttpStatusCode status, string? retryAfter = null) =>
        Enqueue((int)status, """{"error":{"code":"Throttled","message":"Try again later."}}""", retryAfter is null ? [] : [("Retry-After", retryAfter)]);

    /// <summary>The next request to arrive (possibly already arrived), failing the test after ten seconds.</summary>
    public async Task<ConnectorRequest> NextRequestAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == TokenPath)
        {
            await AnswerTokenRequestAsync(context);
            return;
        }
        if (Hold is { } hold && request.Method == "POST")
        {
            Interlocked.Increment(ref _holding);
            await hold;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = Uri.UnescapeDataString(request.Path.Value ?? "");
        var reply = _script.TryDequeue(out var scripted) ? scripted : AnswerLikeTeams(request.Method, path, body);
        var recorded = new ConnectorRequest(
            request.Method,
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            path,
            request.Headers.Authorization.Count == 0 ? null : request.Headers.Authorization.ToString(),
            request.ContentType,
            body,
            reply.Status,
            Stopwatch.GetTimestamp(),
            request.Headers.TryGetValue("traceparent", out var traceParent) ? traceParent.ToString() : null);
        Requests.Enqueue(recorded);
        _arrivals.Writer.TryWrite(recorded);

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    private Reply AnswerLikeTeams(string method, string path, string body)
    {
        if (method == "GET" && MemberLookup(path) is { } lookup)
        {
            return Members.TryGetValue(lookup, out var member)
                ? new Reply(200, JsonSerializer.Serialize(member, BotJson.Options), [])
                : new Reply(404, """{"error":{"code":"MemberNotFoundInConversation","message":"The member was not found in the conversation."}}""", []);
        }
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        if (method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            // In a channel, a new thread whose id carries its first message's id, as Teams answers.
            var channel = ChannelOf(body);
            var created = channel is null ? new { id = $"a:created-{id}", activityId = (string?)null } : new { id = $"{channel};messageid={id}", activityId = (string?)id };
            return new Reply(201, JsonSerializer.Serialize(created), []);
        }
        return new Reply(method == "PUT" ? 200 : 201, JsonSerializer.Serialize(new { id }), []);
    }

    /// <summary>The channel id of a create-conversation body (<c>channelData.channel.id</c>), if any.</summary>
    private static string? ChannelOf(string body)
    {
        if (body.Length == 0) return null;
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
    }

    private static (string, string)? MemberLookup(string path)
    {
        const string conversations = "/v3/conversations/", members = "/members/";
        var start = path.IndexOf(conversations, StringComparison.Ordinal);
        var cut = path.LastIndexOf(members, StringComparison.Ordinal);
        if (start < 0 || cut < start) return null;
        return (path[(start + conversations.Length)..cut], path[(cut + members.Length)..]);
    }

    private async Task AnswerTokenRequestAsync(HttpContext http)
    {
        if (http.Request.Headers["X-IDENTITY-HEADER"] != ManagedIdentityHeader)
        {
            http.Response.StatusCode = 401;
            return;
        }
        TokenRequests.Enqueue(http.Request.Query["resource"].ToString());
        await http.Response.WriteAsJsonAsync(new Dictionary<string, string>
        {
            ["access_token"] = ManagedIdentityToken,
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = http.Request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
            ["client_id"] = http.Request.Query["client_id"].ToString(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Reply(int Status, string? Body, (string Name, string Value)[] Headers);
}

/// <summary>
/// One request as the fake Connector received it: <see cref="Target"/> as it was on the wire (escaped),
/// <see cref="Path"/> unescaped, the <see cref="Status"/> it was answered with; <see cref="Timestamp"/> is a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp; <see cref="TraceParent"/> the W3C trace header it carried, if any.
/// </summary>
public sealed record ConnectorRequest(string Method, string Target, string Path, string? Authorization, string? ContentType, string Body, int Status, long Timestamp, string? TraceParent = null)
{
    /// <summary>The body read as an activity (replies, sends, updates), or null when there is none.</summary>
    public Activity? Activity => Body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(Body, BotJson.Options);
}
