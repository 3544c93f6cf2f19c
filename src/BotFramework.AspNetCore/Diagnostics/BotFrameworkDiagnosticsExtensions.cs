using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BotFramework.Diagnostics;

public static class BotFrameworkDiagnosticsExtensions
{
    /// <summary>Readiness tag: the checks <c>/readyz</c> runs (liveness runs none).</summary>
    public const string ReadyTag = HealthTags.Ready;

    /// <summary>
    /// Every storage call traced and counted: the registered <see cref="IStorage"/> is wrapped in a
    /// <see cref="TracedStorage"/>. Call after the storage is registered.
    /// </summary>
    public static IServiceCollection AddStorageTelemetry(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var registered = services[i];
            if (registered.ServiceType != typeof(IStorage) || registered.IsKeyedService) continue;
            services[i] = ServiceDescriptor.Singleton<IStorage>(sp => TracedStorage.Wrap(Resolve(sp, registered)));
        }
        return services;
    }

    /// <summary>The protocol's readiness checks: storage (a read with the configured credential) and token metadata.</summary>
    public static IHealthChecksBuilder AddBotFrameworkChecks(this IHealthChecksBuilder builder, TimeSpan? timeout = null) => builder
        .AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, [ReadyTag], timeout ?? TimeSpan.FromSeconds(10))
        .AddCheck<TokenMetadataHealthCheck>("token-metadata", HealthStatus.Unhealthy, [ReadyTag], timeout ?? TimeSpan.FromSeconds(10));

    private static IStorage Resolve(IServiceProvider services, ServiceDescriptor registered) => registered switch
    {
        { ImplementationInstance: IStorage instance } => instance,
        { ImplementationFactory: { } factory } => (IStorage)factory(services),
        { ImplementationType: { } type } => (IStorage)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The registered storage cannot be resolved."),
    };
}
