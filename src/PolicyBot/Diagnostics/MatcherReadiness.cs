using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PolicyBot.Conversation;
using PolicyBot.Matching;
using PolicyBot.Knowledge;

namespace PolicyBot.Diagnostics;

/// <summary>
/// Whether the content is loaded and the topic matcher answers (its indexes built at start): a readiness check,
/// and a line of the self-test card. Ready once a first match has run, after the start-up warm-up.
/// </summary>
public sealed class MatcherReadiness(ContentLibrary content, TopicMatcher matcher) : IHostedService, IHealthCheck
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        matcher.Match("commentaire", Language.Fr);
        _ready = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(
        content.Topics.Count == 0 || content.Situations.Count == 0 ? HealthCheckResult.Unhealthy("The content is not loaded.")
        : !_ready ? HealthCheckResult.Unhealthy("The topic matcher is not warmed yet.")
        : HealthCheckResult.Healthy($"{content.Topics.Count} topics and {content.Situations.Count} situations loaded; the matcher answers."));
}
