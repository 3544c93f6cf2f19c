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
        var export = new TelemetryExport(
            ApplicationInsights: !string.IsNullOrWhiteSpace(configuration[ApplicationInsightsKey]),
            Otlp: !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]),
            Console: configuration.GetValue<bool>(ConsoleKey));
        services.AddSingleton(export);
        services.AddStorageTelemetry();

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
}
