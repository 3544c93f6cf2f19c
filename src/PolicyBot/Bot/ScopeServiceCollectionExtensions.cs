using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Bot;

public static class ScopeServiceCollectionExtensions
{
    /// <summary>What is answered before any topic: the recogniser (built and checked at start), the safety card and the replies.</summary>
    public static IServiceCollection AddScope(this IServiceCollection services)
    {
        services.AddSingleton(sp => SharedMatching.Recognizer(sp.GetRequiredService<ContentLibrary>()));
        services.AddHostedService<ScopeRecognizerCheck>();
        services.AddSingleton<SafetyCard>();
        services.AddSingleton<ScopeReplies>();
        return services;
    }

    /// <summary>Builds the recogniser when the host starts: scope data that fails its own examples stops the bot there, not in front of a user.</summary>
    private sealed class ScopeRecognizerCheck(ScopeRecognizer recognizer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = recognizer.Recognize("bonjour", Language.Fr);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
