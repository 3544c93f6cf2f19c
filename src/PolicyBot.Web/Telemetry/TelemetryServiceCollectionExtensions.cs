using System.Runtime.CompilerServices;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using BotFramework.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PolicyBot.Conversation;
using PolicyBot.Diagnostics;

namespace PolicyBot.Web.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Application Insights' standard setting: set, traces, metrics and logs go there.</summary>
    public const string ApplicationInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>OpenTelemetry's standard setting: set, everything also goes to that OTLP collector.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>True to print spans and metrics on the console (looking at them locally).</summary>
    public const string ConsoleKey = "Telemetry:Console";

    /// <summary>The bot's endpoint (Program.cs maps it).</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// OpenTelemetry for the bot: spans of turns, storage and Connector calls (<see cref="BotTelemetry"/>), the
    /// product's and the protocol's counters, ASP.NET Core and HttpClient instrumentation, and logs — all
    /// through <see cref="PrivacyScrubber"/>, which leaves no URL path, query or exception text in them.
    /// Exported to Azure Monitor when <see cref="ApplicationInsightsKey"/> is set, to OTLP when
    /// <see cref="OtlpEndpointKey"/> is, to the console with <see cref="ConsoleKey"/>; otherwise nowhere.
    /// </summary>
    public static IServiceCollection AddPolicyBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var export = Export(configuration);
        services.AddSingleton(export);
        services.AddStorageTelemetry();

        // Nothing exported, nothing collected: with no listener the bot's spans are never created, ASP.NET Core and
        // HttpClient make none either, and log records are not formatted and scrubbed for nobody. Measured on the
        // benchmark's flow (benchmarks/README.md).
        return export.ApplicationInsights || export.Otlp || export.Console ? services.AddPolicyBotTelemetryPipeline(configuration) : services;
    }

    /// <summary>
    /// The OpenTelemetry pipeline: the privacy scrubber first, then the exporters <paramref name="configuration"/>
    /// sets. <see cref="AddPolicyBotTelemetry"/> adds it when an exporter is set; an exporter added in code (the
    /// telemetry tests' in-memory ones) needs it added first. A method of its own so that OpenTelemetry's
    /// assemblies (and Azure Monitor's) are loaded only when there is a pipeline: the runtime loads what a method
    /// uses when it compiles it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IServiceCollection AddPolicyBotTelemetryPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var export = Export(configuration);
        // The scrubber is added first, so it has run on every span and log record before any exporter sees it.
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("PolicyBot"))
            .WithTracing(tracing => tracing.AddProcessor(new PrivacyScrubber.Spans()).AddSource(BotTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(BotTelemetry.Name, PolicyBotTelemetry.Name))
            .WithLogging(logging => logging.AddProcessor(new PrivacyScrubber.Logs()), options => options.IncludeFormattedMessage = true);

        if (export.ApplicationInsights)
        {
            // The distro brings ASP.NET Core and HttpClient instrumentation with it. Local authentication is off on
            // the deployed resource: the app's managed identity signs what it sends.
            var clientId = configuration["Storage:ManagedIdentityClientId"];
            otel.UseAzureMonitor(options =>
            {
                options.ConnectionString = configuration[ApplicationInsightsKey];
                options.EnableLiveMetrics = false;
                if (!string.IsNullOrWhiteSpace(clientId)) options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            });
        }
        else
        {
            otel.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }
        if (export.Otlp) otel.UseOtlpExporter();
        if (export.Console)
        {
            otel.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        // Only the bot's endpoint makes request spans: probes are not turns, and any other path is someone's guess.
        services.Configure<OpenTelemetry.Instrumentation.AspNetCore.AspNetCoreTraceInstrumentationOptions>(options =>
            options.Filter = http => http.Request.Path.StartsWithSegments(MessagesPath));
        return services;
    }

    private static TelemetryExport Export(IConfiguration configuration) => new(
        ApplicationInsights: !string.IsNullOrWhiteSpace(configuration[ApplicationInsightsKey]),
        Otlp: !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]),
        Console: configuration.GetValue<bool>(ConsoleKey));
}
