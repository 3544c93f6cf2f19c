using System.Net;
using BotFramework.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotFramework;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> that fetches OpenID configurations and signing keys.</summary>
    public const string OpenIdMetadataHttpClientName = "BotFramework.OpenIdMetadata";

    /// <summary>
    /// Adds <see cref="BotFrameworkOptions"/> (bound from the root of <paramref name="configuration"/> and
    /// validated at start), the inbound <see cref="IBotFrameworkAuthenticator"/> and the outbound
    /// <see cref="IAccessTokenProvider"/>.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkOptions>().Bind(configuration).ValidateWithMessages(o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);

        // Long-lived client: the pooled connection lifetime picks up DNS changes instead of handler rotation.
        services.AddHttpClient(OpenIdMetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();

        services.TryAddSingleton(sp =>
        {
            var httpClientFactory = sp.GetRequiredService<IHttpClientFactory>();
            var timeProvider = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILogger<OpenIdMetadataCache>>();
            return new OpenIdMetadataCacheRegistry(url =>
                new OpenIdMetadataCache(url, httpClientFactory.CreateClient(OpenIdMetadataHttpClientName), timeProvider, logger));
        });
        services.TryAddSingleton<IBotFrameworkAuthenticator>(sp => new BotFrameworkAuthenticator(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value,
            sp.GetRequiredService<OpenIdMetadataCacheRegistry>().Get));
        services.TryAddSingleton(sp => AccessTokenProviderFactory.Create(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ManagedIdentityTokenProviderFactory>()));

        return services;
    }
}
