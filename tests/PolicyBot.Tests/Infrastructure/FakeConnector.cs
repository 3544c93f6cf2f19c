using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A real HTTP listener on 127.0.0.1 playing the Bot Connector: it records what the bot sends
/// (replies, sends, updates, deletes, member look-ups) and answers like Teams does. Tests can make it fail
/// or hold on purpose. It also plays App Service's managed identity endpoint.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId = 1000;

    public sealed record Request(string Method, string Path, Activity? Activity, string? Authorization);

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Status codes to answer with before answering normally (e.g. 429, 503), one per request.</summary>
    public ConcurrentQueue<(HttpStatusCode Status, string? RetryAfter)> Failures { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    /// <summary>
    /// Who Teams says each member is (keyed by conversation id, then member id), answered to
    /// <c>GET …/conversations/{id}/members/{memberId}</c>; anyone else gets 404 as Teams answers.
    /// </summary>
    public ConcurrentDictionary<(string Conversation, string Member), ChannelAccount> Members { get; } = new();

    /// <summary>When set, message posts wait for it before being answered (a slow Connector).</summary>
    public Task? Hold { get; set; }

    /// <summary>How many posts have been held so far.</summary>
    public int Holding => Volatile.Read(ref _holding);

    private int _holding;

    /// <summary>
    /// Plays App Service's managed identity endpoint too (<c>IDENTITY_ENDPOINT</c>, <c>IDENTITY_HEADER</c>):
    /// <c>GET /msi/token</c> with the right header answers this token.
    /// </summary>
    public const string ManagedIdentityToken = "mi-token-from-the-fake-identity-endpoint";

    public const string ManagedIdentityHeader = "fake-identity-header-value";

    public string ManagedIdentityEndpoint => ServiceUrl.Replace("/connector/", "/msi/token", StringComparison.Ordinal);

    /// <summary>Requests for a managed identity token, with the resource asked for.</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Map("/{**path}", connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/connector/";
        return connector;
    }

    /// <summary>The messages the bot sent (replies and sends), in the order they arrived.</summary>
    public IReadOnlyList<Activity> Messages =>
        [.. Requests.Where(r => r.Method == "POST" && r.Activity?.Type == ActivityTypes.Message).Select(r => r.Activity!)];

    public IReadOnlyList<Request> Updates => [.. Requests.Where(r => r.Method == "PUT")];

    private async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Path == "/msi/token")
        {
            await AnswerTokenRequestAsync(http);
            return;
        }
        if (http.Request.Method == "GET" && MemberLookup(Uri.UnescapeDataString(http.Request.Path.Value ?? "")) is { } lookup)
        {
            Requests.Enqueue(new Request("GET", Uri.UnescapeDataString(http.Request.Path.Value ?? ""), null, http.Request.Headers.Authorization.ToString()));
            if (Members.TryGetValue(lookup, out var member))
            {
                await http.Response.WriteAsJsonAsync(member, BotJson.Options);
                return;
            }
            http.Response.StatusCode = 404;
            await http.Response.WriteAsJsonAsync(new { error = new { code = "MemberNotFoundInConversation", message = "The member was not found in the conversation." } });
            return;
        }
        if (Hold is { } hold && http.Request.Method == "POST")
        {
            Interlocked.Increment(ref _holding);
            await hold;
        }
        Activity? activity = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.ContentType.Count > 0)
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options);
        }
        var request = new Request(http.Request.Method, Uri.UnescapeDataString(http.Request.Path.Value ?? ""), activity, http.Request.Headers.Authorization.ToString());
        if (Failures.TryDequeue(out var failure))
        {
            http.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfter is not null) http.Response.Headers.RetryAfter = failure.RetryAfter;
            await http.Response.WriteAsJsonAsync(new { error = new { code = "Throttled", message = "Try again later." } });
            return;
        }
        Requests.Enqueue(request);
        http.Response.StatusCode = http.Request.Method == "PUT" ? 200 : 201;
        var id = $"{Interlocked.Increment(ref _nextId)}";
        if (http.Request.Method == "POST" && request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            // Create conversation: in a channel, a new thread whose id carries its first message's id, as Teams answers.
            var channel = ChannelOf(activity);
            await http.Response.WriteAsJsonAsync(channel is null ? new { id = $"a:created-{id}", activityId = (string?)null } : new { id = $"{channel};messageid={id}", activityId = (string?)id });
            return;
        }
        await http.Response.WriteAsJsonAsync(new { id });
    }

    /// <summary>The body of a create-conversation request read as an activity keeps <c>channelData</c>: its channel id.</summary>
    private static string? ChannelOf(Activity? body) =>
        body?.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
        && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

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
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
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
}
