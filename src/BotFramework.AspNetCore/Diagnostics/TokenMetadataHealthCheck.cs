using BotFramework.Connector.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BotFramework.Diagnostics;

/// <summary>
/// Ready when the signing keys that validate Bot Framework tokens can be had (from the cache, else fetched from
/// <c>ChannelOpenIdMetadataUrl</c>). In local mode there are no tokens to validate, and nothing to check.
/// </summary>
internal sealed class TokenMetadataHealthCheck(IOptions<BotFrameworkOptions> options, OpenIdMetadataCacheRegistry metadata) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.IsLocalMode) return HealthCheckResult.Healthy("Local mode: no tokens to validate.");
        try
        {
            await metadata.Get(options.Value.ChannelOpenIdMetadataUrl).GetMetadataAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The token signing keys are available.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The token signing keys could not be fetched ({e.GetType().Name}).");
        }
    }
}
