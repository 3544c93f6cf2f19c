using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Conversation;
using PolicyBot.Onboarding;

namespace PolicyBot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>Onboarding reminders (settings in <c>PolicyBot:Reach</c>, validated by <see cref="Reach.ReachOptions"/>): the tracker, the stop command and the background pass.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReminderTracker>();
        services.AddSingleton<IOnboardingListener>(sp => sp.GetRequiredService<ReminderTracker>());
        services.AddSingleton<ReminderFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<ReminderFeature>());
        services.AddSingleton<ReminderService>();
        services.AddHostedService<ReminderTimer>();
        return services;
    }
}
