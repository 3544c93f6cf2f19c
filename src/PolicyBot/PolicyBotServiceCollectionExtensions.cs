using BotFramework;
using BotFramework.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Diagnostics;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;
using PolicyBot.Onboarding;
using PolicyBot.Policy;
using PolicyBot.Situations;
using PolicyBot.Matching;
using PolicyBot.Privacy;
using PolicyBot.Reach;
using PolicyBot.Reminders;
using PolicyBot.Export;

namespace PolicyBot;

public static class PolicyBotServiceCollectionExtensions
{
    /// <summary>The product: content, cards, the bot itself, and its options (section <c>PolicyBot</c>).</summary>
    public static IServiceCollection AddPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyBotOptions>()
            .Bind(configuration.GetSection(PolicyBotOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        // A personal chat's state lives in her user document: one read and one write per turn, and "forget me"
        // deletes it with her profile (PrivacyFeature). Channel threads and group chats keep their own documents.
        services.Configure<BotFramework.State.StateLayoutOptions>(o => o.PersonalConversationsInUserState = true);
        services.AddSingleton(ContentLibrary.Default);
        services.AddSingleton<GuidelineCards>();
        services.AddSingleton<FeedbackCounter>();
        services.AddOptions<FeedbackOptions>()
            .Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .Validate(o => o.FlushInterval > TimeSpan.Zero, $"{FeedbackOptions.SectionName}:FlushInterval must be longer than zero.")
            .ValidateOnStart();
        services.AddHostedService<FeedbackFlushService>();
        services.AddSingleton<SenderIdentity>();
        services.AddSingleton<RouteConditions>();
        // The features fill the route table in this order (only the order of card-data shapes matters).
        services.AddFeature<SituationFeature>();
        services.AddFeature<GlobalCommands>();
        services.AddFeature<PrivacyFeature>();
        services.AddOnboarding();
        services.AddReach(configuration);
        services.AddReminders();
        services.AddPolicyFeature(configuration);
        services.AddExport(configuration);
        services.AddScope();
        services.AddSingleton<RouteTable>();
        services.AddPolicyBotDiagnostics();
        services.AddSingleton<IBot, PolicyBotHandler>();
        return services;
    }

    /// <summary>
    /// The organisation's policy (section <c>PolicyBot:Policy</c>): its versioned store, the cards posted
    /// from it and their background updates, acknowledgements, and the message-extension search.
    /// </summary>
    private static IServiceCollection AddPolicyFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>()
            .Bind(configuration.GetSection(PolicyOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SharedMatching.Matcher(sp.GetRequiredService<ContentLibrary>()));
        services.AddHostedService<TopicMatcherWarmUp>();
        services.TryAddSingleton<ITopicFinder>(sp => new MatcherTopicFinder(sp.GetRequiredService<ContentLibrary>(), sp.GetRequiredService<TopicMatcher>()));
        services.AddSingleton<PolicyStore>();
        services.AddSingleton<OrganisationPolicyCards>();
        services.AddSingleton<PostedCardStore>();
        services.AddSingleton<AcknowledgementCounter>();
        services.AddSingleton<ChannelPosting>();
        services.AddSingleton<PostedCardUpdater>();
        services.AddHostedService(sp => sp.GetRequiredService<PostedCardUpdater>());
        services.AddSingleton<PolicySearch>();
        services.AddFeature<PolicyEditor>();
        services.AddFeature<PolicyPosting>();
        services.AddFeature<PolicyCardActions>();
        return services;
    }

    /// <summary>A feature is one singleton, also listed as an <see cref="IFeature"/> for the route table.</summary>
    private static IServiceCollection AddFeature<T>(this IServiceCollection services) where T : class, IFeature
    {
        services.AddSingleton<T>();
        return services.AddSingleton<IFeature>(sp => sp.GetRequiredService<T>());
    }

    /// <summary>Builds the topic indexes at start, so the first question does not wait for them (about a second cold).</summary>
    private sealed class TopicMatcherWarmUp(TopicMatcher matcher) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            matcher.Match("commentaire", Language.Fr);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
