using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyBot.Web.Health;

/// <summary>
/// What <c>/readyz</c> answers: 200 when every check passed, else 503; in both cases a small JSON body naming the
/// checks that failed and what each found (<c>{"status":"Unhealthy","failed":["storage"],"checks":{…}}</c>).
/// </summary>
public static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}
