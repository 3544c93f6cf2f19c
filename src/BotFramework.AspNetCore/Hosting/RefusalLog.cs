using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BotFramework.Hosting;

/// <summary>
/// Warnings about refused requests, at most <see cref="PerMinute"/> a minute: anyone can send requests that
/// get refused, and must not be able to flood the log. What was left out is counted in the next line written.
/// </summary>
internal sealed class RefusalLog(ILogger logger, TimeProvider? timeProvider = null)
{
    public const int PerMinute = 20;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _written;
    private int _skipped;

    /// <summary>Logs a warning unless this minute's allowance is used up. Arguments must not be caller text (see <see cref="LogText"/>).</summary>
    public void Warn(string template, params object?[] args)
    {
        int skippedBefore;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                _windowStart = now;
                _written = 0;
            }
            if (_written >= PerMinute)
            {
                _skipped++;
                return;
            }
            _written++;
            skippedBefore = _skipped;
            _skipped = 0;
        }
        if (skippedBefore > 0) logger.LogWarning("{Count} more refused requests were not logged (at most {PerMinute} a minute)", skippedBefore, PerMinute);
#pragma warning disable CA2254 // The templates are this library's constants.
        logger.LogWarning(template, args);
#pragma warning restore CA2254
    }
}

/// <summary>Remembers which calling applications were seen, to log each one once (a bounded set: callers are the tenant's applications).</summary>
internal sealed class CallerRegister
{
    private const int MaxRemembered = 1000;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.OrdinalIgnoreCase);

    public bool FirstTime(string callerAppId) => _seen.Count < MaxRemembered && _seen.TryAdd(callerAppId, 0);
}

/// <summary>Text from a request made safe for a log line: no control characters (no forged lines), and bounded.</summary>
public static class LogText
{
    public const int MaxLength = 100;

    public static string Bounded(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var clean = string.Create(Math.Min(text.Length, MaxLength), text, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = char.IsControl(source[i]) ? '?' : source[i];
        });
        return text.Length > MaxLength ? clean + "…" : clean;
    }
}
