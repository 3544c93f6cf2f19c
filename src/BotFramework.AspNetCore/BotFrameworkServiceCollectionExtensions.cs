using BotFramework.Builder;
using BotFramework.Connector.Authentication;
using BotFramework.Hosting;
using BotFramework.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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

        // Each instance keeps the last version of the state documents it read or wrote, so most turns read
        // nothing: the conversation state is checked by its conditional write at the end of every turn, the user
        // state by the conversation state, which records the version of it the turn left (BotState.UseInstanceCache).
        // A document it never met is taken as new, checked by its create-only write (Bot:TakeUnseenStateAsNew).
        services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<IOptions<BotHostOptions>>().Value;
            return new StateCache(
                capacity: host.StateCacheCapacity,
                maxAge: host.StateCacheMaxAge > TimeSpan.Zero ? host.StateCacheMaxAge : null,
                timeProvider: sp.GetService<TimeProvider>(),
                guessUnseenAreNew: host.TakeUnseenStateAsNew);
        });
        // The two states are made together: the user state is vouched for by the conversation state, and with
        // StateLayoutOptions.PersonalConversationsInUserState a personal chat's conversation state lives in the user's document.
        services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<IOptions<BotHostOptions>>().Value;
            var conversation = new ConversationState(sp.GetRequiredService<IStorage>(), host.ConversationStateExpiry, sp.GetService<TimeProvider>());
            var user = new UserState(sp.GetRequiredService<IStorage>(), timeProvider: sp.GetService<TimeProvider>());
            if (CacheEnabled(sp))
            {
                var cache = sp.GetRequiredService<StateCache>();
                conversation.UseInstanceCache(cache);
                user.UseInstanceCache(cache, vouchedBy: conversation);
            }
            if (sp.GetService<IOptions<StateLayoutOptions>>()?.Value.PersonalConversationsInUserState == true)
            {
                conversation.KeepPersonalConversationsIn(user);
                // Parts other turns find within one sweep interval of their expiry go then, so the sweep skips recent documents.
                if (conversation.ExpireAfter is { } ttl && host.ExpiredStateSweepInterval < ttl) conversation.PartsDroppedEarlyBy = host.ExpiredStateSweepInterval;
            }
            return new TurnStates(conversation, user);
        });
        services.AddSingleton(sp => sp.GetRequiredService<TurnStates>().Conversation);
        services.AddSingleton(sp => sp.GetRequiredService<TurnStates>().User);

        // Order matters: typing first, then saving around everything the bot changes (the conversation
        // state last: it is the commit point that records the handled activity), the states loaded together, then
        // de-duplication.
        services.AddSingleton<IMiddleware>(sp => new ShowTypingMiddleware(
            sp.GetRequiredService<IOptions<BotHostOptions>>().Value.TypingDelay,
            timeProvider: sp.GetService<TimeProvider>(),
            logger: sp.GetRequiredService<ILogger<ShowTypingMiddleware>>()));
        services.AddSingleton<IMiddleware>(sp => new AutoSaveStateMiddleware(sp.GetRequiredService<UserState>(), sp.GetRequiredService<ConversationState>()));
        // A message or an invoke reads both the conversation and the user documents (the bot reads her language
        // at each): when neither is known to this instance (a new conversation), both are read at once.
        services.AddSingleton<IMiddleware>(sp => new LoadStatesTogetherMiddleware(
            turn => turn.Activity.Type is Schema.ActivityTypes.Message or Schema.ActivityTypes.Invoke,
            sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()));
        services.AddSingleton<IMiddleware>(sp => new DeduplicationMiddleware(sp.GetRequiredService<ConversationState>()));

        services.AddHostedService<StartupReport>();
        services.AddSingleton(sp => new ExpiredStateSweeper(
            sp.GetRequiredService<IStorage>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<IOptions<BotHostOptions>>().Value.ExpiredStateSweepInterval,
            sp.GetRequiredService<ILogger<ExpiredStateSweeper>>(),
            sp.GetService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredStateSweeper>());
        return services;
    }

    /// <summary>The conversation and user states, made together (see <see cref="AddBotFramework"/>).</summary>
    private sealed record TurnStates(ConversationState Conversation, UserState User);

    private static bool CacheEnabled(IServiceProvider services) =>
        services.GetRequiredService<IOptions<BotHostOptions>>().Value.StateCacheMaxAge > TimeSpan.Zero;

    /// <summary>Says at start how the bot runs, and warns loudly when it runs without authentication.</summary>
    private sealed class StartupReport(
        IOptions<BotFrameworkOptions> auth,
        IOptions<BotHostOptions> host,
        IOptions<StorageOptions> storage,
        IServiceProvider services,
        ILogger<StartupReport> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (auth.Value.IsLocalMode && host.Value.AllowUnauthenticatedRequests)
            {
                logger.LogCritical("UNAUTHENTICATED: MicrosoftAppId is not set and Bot:AllowUnauthenticatedRequests is true. ANYONE who can reach this host can talk to the bot as anyone, without a token. Never run like this where others can reach it; set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId to run behind Azure Bot Service.");
            }
            else if (auth.Value.IsLocalMode)
            {
                logger.LogWarning("MicrosoftAppId is not set: running in LOCAL MODE. Requests from this machine are accepted without a token and replies are sent without one (Agents Playground); requests from other machines get 401. Set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId to run behind Azure Bot Service.");
                if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
                {
                    lifetime.ApplicationStarted.Register(WarnAboutNonLoopbackAddresses);
                }
            }
            else
            {
                logger.LogInformation("Bot Framework authentication is on ({AppType}); channels {Channels}; tenants {Tenants}; callers {Callers}.",
                    auth.Value.MicrosoftAppType, string.Join(", ", auth.Value.EffectiveAllowedChannels), string.Join(", ", auth.Value.EffectiveAllowedTenants),
                    host.Value.AllowedCallers.Length == 0 ? "any app-only caller of the tenant (see Bot:AllowedCallers)" : string.Join(", ", host.Value.AllowedCallers));
            }
            logger.LogInformation("State storage: {Provider}.", storage.Value.Provider);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void WarnAboutNonLoopbackAddresses()
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var open = addresses.Where(a => !Uri.TryCreate(a.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || !Loopback.IsHost(uri.Host)).ToList();
            if (open.Count > 0)
            {
                logger.LogWarning("Local mode is listening on {Addresses}, which other machines can reach: their requests get 401 (only this machine's are answered).", string.Join(", ", open));
            }
        }
    }
}
