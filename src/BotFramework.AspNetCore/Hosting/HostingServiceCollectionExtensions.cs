using System.Net;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BotFramework;

public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP side of the protocol: <see cref="BotHostOptions"/> (section <c>Bot</c>), the Connector
    /// client with retries on 429/412/502/503/504 (backoff with jitter, <c>Retry-After</c> honoured) that only
    /// sends to <see cref="TrustedServiceUrls"/>, the <see cref="CloudAdapter"/>, and the start-up check that
    /// local mode (no app id) runs only where it is safe (<see cref="LocalModeGuard"/>).
    /// </summary>
    public static IServiceCollection AddBotFrameworkHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotHostOptions>()
            .Bind(configuration.GetSection(BotHostOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());

        // No HttpClient log lines for the Connector's calls: at Information and below they would write each call's
        // address (conversation and activity ids) into the logs, and with those levels off (the shipped settings)
        // their handlers still open a log scope on every call for nothing. Retries are logged, at Warning, by the
        // resilience pipeline; failures by the adapter.
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .RemoveAllLoggers()
            .AddResilienceHandler("connector-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotHostOptions>>().Value;
                if (options.ConnectorMaxRetries == 0) return;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.ConnectorMaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.ConnectorRetryDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                    OnRetry = _ => { Diagnostics.BotTelemetry.ConnectorRetries.Add(1); return ValueTask.CompletedTask; },
                });
            });
        // Added after the retries, so under them: one span per attempt.
        services.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler(() => new Diagnostics.ConnectorTelemetryHandler());
        // Where the bot's token may go: Teams' hosts, those listed in Bot:AllowedServiceHosts, and in local mode this machine.
        services.AddSingleton(sp => new TrustedServiceUrls(
            sp.GetRequiredService<IOptions<BotHostOptions>>().Value.AllowedServiceHosts,
            localMode: sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsLocalMode));
        services.AddSingleton<ConnectorClient>(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<Connector.Authentication.IAccessTokenProvider>(),
            sp.GetRequiredService<TrustedServiceUrls>()));

        services.AddSingleton<CloudAdapter>();
        // The adapter features use outside a turn (posting in another conversation, updating a posted card).
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        TurnGate.Register(services, configuration);
        LocalModeGuard.Register(services);
        return services;
    }

    /// <summary>Teams asks bots to retry these (rate-limit.md); anything else is final.</summary>
    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException
        || outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
