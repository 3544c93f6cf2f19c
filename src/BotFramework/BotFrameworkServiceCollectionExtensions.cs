using BotFramework.Builder;
using BotFramework.Connector.Authentication;
using BotFramework.Hosting;
using BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Everything a bot needs from the protocol layer: authentication, storage, the HTTP adapter and
    /// Connector, conversation and user state, and the middleware every turn runs through — typing
    /// indicator, state saved once at the end, re-deliveries recognised. The bot itself is an <see cref="IBot"/>.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddBotFrameworkStorage(configuration);
        services.AddBotFrameworkHosting(configuration);

        services.AddSingleton(sp => new ConversationState(
            sp.GetRequiredService<IStorage>(),
            sp.GetRequiredService<IOptions<BotHostOptions>>().Value.ConversationStateExpiry,
            sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));

        // Order matters: typing first, then saving around everything the bot changes (the conversation
        // state last: it is the commit point that records the handled activity), then de-duplication.
        services.AddSingleton<IMiddleware>(sp => new ShowTypingMiddleware(
            sp.GetRequiredService<IOptions<BotHostOptions>>().Value.TypingDelay,
            timeProvider: sp.GetService<TimeProvider>(),
            logger: sp.GetRequiredService<ILogger<ShowTypingMiddleware>>()));
        services.AddSingleton<IMiddleware>(sp => new AutoSaveStateMiddleware(sp.GetRequiredService<UserState>(), sp.GetRequiredService<ConversationState>()));
        services.AddSingleton<IMiddleware>(sp => new DeduplicationMiddleware(sp.GetRequiredService<ConversationState>()));

        services.AddHostedService<StartupReport>();
        return services;
    }

    /// <summary>Says at start how the bot runs, and warns loudly in local mode.</summary>
    private sealed class StartupReport(IOptions<BotFrameworkOptions> auth, IOptions<StorageOptions> storage, ILogger<StartupReport> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (auth.Value.IsLocalMode)
            {
                logger.LogWarning("MicrosoftAppId is not set: running in LOCAL MODE. Requests are accepted without a token and replies are sent without one. Use this only on your own machine (Agents Playground); set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId to run behind Azure Bot Service.");
            }
            else
            {
                logger.LogInformation("Bot Framework authentication is on ({AppType}).", auth.Value.MicrosoftAppType);
            }
            logger.LogInformation("State storage: {Provider}.", storage.Value.Provider);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
