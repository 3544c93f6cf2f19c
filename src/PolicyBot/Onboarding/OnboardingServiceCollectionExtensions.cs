using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;

namespace PolicyBot.Onboarding;

public static class OnboardingServiceCollectionExtensions
{
    /// <summary>Lessons, their cards, the managers' roster and the feature the bot's turn calls. Dates come from a registered <see cref="TimeProvider"/>, else the system clock.</summary>
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddSingleton(sp => OnboardingLessons.LoadShipped(sp.GetRequiredService<ContentLibrary>()));
        services.AddSingleton(sp => new OnboardingCards(sp.GetRequiredService<GuidelineCards>(), sp.GetRequiredService<OnboardingLessons>()));
        services.AddSingleton(sp => new OnboardingRoster(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new OnboardingFeature(
            sp.GetRequiredService<UserState>(),
            sp.GetRequiredService<OnboardingCards>(),
            sp.GetRequiredService<OnboardingRoster>(),
            sp.GetRequiredService<RouteConditions>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetServices<IOnboardingListener>()));
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<OnboardingFeature>());
        return services;
    }
}
