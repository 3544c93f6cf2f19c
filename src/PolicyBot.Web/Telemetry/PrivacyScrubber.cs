using System.Diagnostics;
using System.Text.RegularExpressions;
using BotFramework.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace PolicyBot.Web.Telemetry;

/// <summary>
/// The last line of defence before anything is exported. The bot's own spans carry only known words and hashed
/// ids; but instrumentation it does not own (HttpClient, the Azure SDK) records URLs, and the Connector's and the
/// storage's URLs name conversations and users. Every URL in a span tag or a log record is cut to its scheme and
/// host, path and query tags are dropped from outgoing calls, and no exception message leaves the process
/// (an exception's type and stack do: a message can quote what someone typed).
/// </summary>
public static partial class PrivacyScrubber
{
    private static readonly HashSet<string> PathTags = new(StringComparer.Ordinal) { "url.path", "url.query", "http.target", "url.template" };

    /// <summary>Keeps the scheme and host of every URL in <paramref name="text"/>.</summary>
    public static string Scrub(string text) => text.Contains("://", StringComparison.Ordinal) ? UrlPattern().Replace(text, "$1") : text;

    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s'""?#]+)[^\s'""]*")]
    private static partial Regex UrlPattern();

    public sealed class Spans : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            var own = data.Source.Name == BotTelemetry.Name;
            List<KeyValuePair<string, string?>>? changes = null;
            foreach (var tag in data.TagObjects)
            {
                if (tag.Value is not string value) continue;
                if (!own && data.Kind == ActivityKind.Client && PathTags.Contains(tag.Key)) (changes ??= []).Add(new(tag.Key, null));
                else if (Scrub(value) is var scrubbed && !ReferenceEquals(scrubbed, value) && scrubbed != value) (changes ??= []).Add(new(tag.Key, scrubbed));
            }
            if (changes is not null) foreach (var (key, value) in changes) data.SetTag(key, value);
            if (!own && data.Status == ActivityStatusCode.Error && data.StatusDescription is not null) data.SetStatus(ActivityStatusCode.Error);
            if (!own && data.DisplayName.Contains("://", StringComparison.Ordinal)) data.DisplayName = Scrub(data.DisplayName);
        }
    }

    public sealed class Logs : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            if (data.FormattedMessage is { } message) data.FormattedMessage = Scrub(message);
            if (data.Body is { } body) data.Body = Scrub(body);
            if (data.Attributes is { Count: > 0 } attributes)
            {
                var scrubbed = new List<KeyValuePair<string, object?>>(attributes.Count + 1);
                foreach (var (key, value) in attributes) scrubbed.Add(new(key, value is string text ? Scrub(text) : value));
                data.Attributes = scrubbed;
            }
            if (data.Exception is { } exception)
            {
                data.Attributes = [.. data.Attributes ?? [], new("exception.type", exception.GetType().FullName)];
                data.Exception = null;
            }
        }
    }
}
