using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BotFramework.Tests.Connector;

/// <summary>
/// A real HTTP listener on 127.0.0.1 standing in for the Bot Connector: records every request as it
/// arrived on the wire (raw target, headers, body) and answers from a script, else with 200 and a new
/// resource id. <see cref="ServiceUrl"/> has a regional path, like Teams' serviceUrls.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const string RegionPath = "/emea/3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77/";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private int _nextId;

    private FakeConnector(WebApplication app) => _app = app;

    public string BaseAddress { get; private set; } = "";

    /// <summary>The serviceUrl an activity from this "channel" carries (with its trailing slash).</summary>
    public string ServiceUrl => BaseAddress + RegionPath;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

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

    /// <summary>The next request to arrive (possibly already arrived), failing the test after ten seconds.</summary>
    public async Task<RecordedRequest> NextRequestAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var recorded = new RecordedRequest(
            request.Method,
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            request.Headers.Authorization.Count == 0 ? null : request.Headers.Authorization.ToString(),
            request.ContentType,
            await reader.ReadToEndAsync(context.RequestAborted),
            Stopwatch.GetTimestamp());
        Requests.Enqueue(recorded);
        _arrivals.Writer.TryWrite(recorded);

        if (!_script.TryDequeue(out var reply)) reply = new Reply(200, $$"""{"id":"{{Interlocked.Increment(ref _nextId)}}"}""", []);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Reply(int Status, string? Body, (string Name, string Value)[] Headers);
}

/// <summary>One request as the fake Connector received it; <see cref="Timestamp"/> is a <see cref="Stopwatch"/> timestamp.</summary>
public sealed record RecordedRequest(string Method, string Target, string? Authorization, string? ContentType, string Body, long Timestamp);
