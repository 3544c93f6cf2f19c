using System.Diagnostics;
using System.Net;

namespace BotFramework.Diagnostics;

/// <summary>
/// Sits under the Connector's retry pipeline, so it sees every attempt: a "bot.connector" span per attempt
/// (operation and status code: no URL, which names the conversation), counted, 429s apart.
/// </summary>
public sealed class ConnectorTelemetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Operation(request);
        using var span = BotTelemetry.Source.StartActivity("bot.connector " + operation, ActivityKind.Client);
        span?.SetTag("bot.connector.operation", operation);
        string status;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound) span?.SetStatus(ActivityStatusCode.Error);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) BotTelemetry.ConnectorThrottled.Add(1, new TagList { { "bot.connector.operation", operation } });
            BotTelemetry.ConnectorCalls.Add(1, new TagList { { "bot.connector.operation", operation }, { "http.response.status_code", status } });
            return response;
        }
        catch (Exception e)
        {
            span?.SetTag("error.type", e.GetType().FullName);
            span?.SetStatus(ActivityStatusCode.Error);
            BotTelemetry.ConnectorCalls.Add(1, new TagList { { "bot.connector.operation", operation }, { "http.response.status_code", "none" } });
            throw;
        }
    }

    /// <summary>What the call does, from its method and the shape of its path (v3/conversations/{id}/…).</summary>
    internal static string Operation(HttpRequestMessage request)
    {
        var segments = request.RequestUri?.AbsolutePath.Trim('/').Split('/') ?? [];
        var at = Array.IndexOf(segments, "conversations");
        var rest = at < 0 ? [] : segments[(at + 1)..];
        return (request.Method.Method, rest.Length) switch
        {
            ("POST", 0) => "create-conversation",
            ("POST", 2) when rest[1] == "activities" => "send",
            ("POST", 3) when rest[1] == "activities" => "reply",
            ("PUT", 3) when rest[1] == "activities" => "update",
            ("DELETE", 3) when rest[1] == "activities" => "delete",
            ("GET", 3) when rest[1] == "members" => "get-member",
            _ => "other",
        };
    }
}
