using BotFramework;
using BotFramework.Builder;
using BotFramework.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;

namespace PolicyBot;

public static class PolicyBotServiceCollectionExtensions
{
    /// <summary>The product: content, cards, the bot itself, and its options (section <c>PolicyBot</c>).</summary>
    public static IServiceCollection AddPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyBotOptions>()
            .Bind(configuration.GetSection(PolicyBotOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        services.AddSingleton(ContentLibrary.Default);
        services.AddSingleton<PolicyCards>();
        services.AddSingleton<FeedbackCounter>();
        services.AddOnboarding();
        services.AddSingleton(sp => new ConversationExpiry(sp.GetRequiredService<IOptions<BotHostOptions>>().Value.ConversationStateExpiry));
        services.AddSingleton<IBot, PolicyBotHandler>();
        return services;
    }
}
