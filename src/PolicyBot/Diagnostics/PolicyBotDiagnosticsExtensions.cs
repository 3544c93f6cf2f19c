using BotFramework.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using PolicyBot.Conversation;

namespace PolicyBot.Diagnostics;

public static class PolicyBotDiagnosticsExtensions
{
    /// <summary>The self-test card and the matcher's readiness (warmed at start, after the matcher's own warm-up).</summary>
    public static IServiceCollection AddPolicyBotDiagnostics(this IServiceCollection services)
    {
        services.AddSingleton<MatcherReadiness>();
        services.AddHostedService(sp => sp.GetRequiredService<MatcherReadiness>());
        services.AddSingleton<DiagnosticFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<DiagnosticFeature>());
        return services;
    }

    /// <summary>The product's readiness check: content loaded and matcher warmed.</summary>
    public static IHealthChecksBuilder AddPolicyBotChecks(this IHealthChecksBuilder builder) =>
        builder.AddCheck<MatcherReadiness>("content", HealthStatus.Unhealthy, [HealthTags.Ready]);
}
