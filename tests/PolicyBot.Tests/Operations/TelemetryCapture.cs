using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PolicyBot.Web.Telemetry;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// In-memory exporters added to the host's own OpenTelemetry pipeline (after its privacy scrubber, like any
/// exporter): what the spans, metrics and logs would carry out of the process.
/// </summary>
public sealed class TelemetryCapture
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public List<MetricSnapshot> Metrics { get; } = [];

    public ConcurrentQueue<LogLine> Logs { get; } = new();

    public sealed record LogLine(string Category, LogLevel Level, string? Message, string? Body, IReadOnlyList<KeyValuePair<string, string?>> Attributes, bool HasException);

    /// <summary>
    /// For <c>BotHost</c>'s <c>configureServices</c>. The test host sets no exporter, so the host builds no pipeline of
    /// its own: the product's pipeline (its scrubber first) is added here, then the in-memory exporters after it.
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddPolicyBotTelemetryPipeline(new ConfigurationBuilder().Build());
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(new SpanExporter(this))));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(new LogExporter(this))));
        // The test host replaces the logging providers with its capturing one: OpenTelemetry's is put back.
        services.AddLogging(logging => logging.AddOpenTelemetry());
    }

    /// <summary>Exports what the metrics hold now.</summary>
    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    public List<Activity> SpansSnapshot() => [.. Spans];

    /// <summary>Every string the exporters were given: span names, tags, events and statuses; metric names and tags; log records.</summary>
    public IEnumerable<(string Where, string Text)> EverythingExported()
    {
        foreach (var span in SpansSnapshot())
        {
            yield return ("span name", span.DisplayName);
            yield return ("span operation", span.OperationName);
            if (span.StatusDescription is { } status) yield return ("span status", status);
            foreach (var tag in span.TagObjects) yield return ($"span {span.DisplayName} tag {tag.Key}", $"{tag.Key}={tag.Value}");
            foreach (var e in span.Events)
            {
                yield return ("span event", e.Name);
                foreach (var tag in e.Tags) yield return ("span event tag", $"{tag.Key}={tag.Value}");
            }
            foreach (var item in span.Baggage) yield return ("baggage", $"{item.Key}={item.Value}");
        }
        List<MetricSnapshot> metrics;
        lock (Metrics) metrics = [.. Metrics];
        foreach (var metric in metrics)
        {
            yield return ("metric", metric.Name);
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags) yield return ($"metric {metric.Name} tag", $"{tag.Key}={tag.Value}");
            }
        }
        foreach (var log in Logs)
        {
            yield return ("log category", log.Category);
            if (log.Message is { } message) yield return ($"log {log.Category}", message);
            if (log.Body is { } body) yield return ($"log body {log.Category}", body);
            foreach (var (key, value) in log.Attributes) yield return ($"log attribute {log.Category}", $"{key}={value}");
        }
    }

    private sealed class SpanExporter(TelemetryCapture owner) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch) owner.Spans.Enqueue(span);
            return ExportResult.Success;
        }
    }

    private sealed class LogExporter(TelemetryCapture owner) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            // Log records are pooled: what they carry is copied now.
            foreach (var record in batch)
            {
                var attributes = (record.Attributes ?? []).Select(a => new KeyValuePair<string, string?>(a.Key, a.Value?.ToString())).ToList();
                owner.Logs.Enqueue(new LogLine(record.CategoryName ?? "", record.LogLevel, record.FormattedMessage, record.Body, attributes, record.Exception is not null));
            }
            return ExportResult.Success;
        }
    }
}

/// <summary>
/// Tests that build an OpenTelemetry pipeline, or assert that none runs, run alone: a tracer listens to its sources
/// process-wide, so while one test's host exports, another host in the same process makes spans and sends trace
/// context too (<c>TelemetryWithoutExporterTests</c> failed whenever <c>TelemetryPrivacyTests</c> ran beside it).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryListenerCollection
{
    public const string Name = "telemetry listeners";
}
