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
/// (replies, sends, updates, deletes) and answers like Teams does. Tests can make it fail on purpose.
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
