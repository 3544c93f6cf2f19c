using BotFramework;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Conversation;

namespace PolicyBot.Reach;

public static class ReachServiceCollectionExtensions
{
    /// <summary>What the bot sends without being asked (section <c>PolicyBot:Reach</c>): team welcomes and managers' invitations.</summary>
    public static IServiceCollection AddReach(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReachOptions>()
            .Bind(configuration.GetSection(ReachOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReachStore>();
        services.AddSingleton<PersonalMessenger>();
        services.AddSingleton<ReachFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<ReachFeature>());
        return services;
    }
}
