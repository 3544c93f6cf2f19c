namespace BotFramework.Diagnostics;

/// <summary>Where the host sends its telemetry, as configured at start (registered by the host; none when absent).</summary>
public sealed record TelemetryExport(bool ApplicationInsights, bool Otlp, bool Console)
{
    public static readonly TelemetryExport None = new(false, false, false);
}
