using BotFramework.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BotFramework.Diagnostics;

/// <summary>
/// Ready when the state storage answers a read of a known document with the configured credential (the
/// document need not exist: a missing one is an answer too). Unreachable storage, a refused credential or a
/// missing permission fail it, with the exception's type only.
/// </summary>
public sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    /// <summary>The document read; nothing ever writes it.</summary>
    public const string ProbeKey = "botframework/readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync([ProbeKey], cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The storage answered a read.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The storage did not answer a read ({e.GetType().Name}).");
        }
    }
}
