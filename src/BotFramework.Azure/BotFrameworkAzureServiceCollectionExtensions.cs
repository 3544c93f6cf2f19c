using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using BotFramework.Connector.Authentication;
using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotFramework;

public static class BotFrameworkAzureServiceCollectionExtensions
{
    /// <summary>
    /// What Azure adds to the protocol layer: <see cref="BlobStorage"/> when <c>Storage:Provider</c> is <c>AzureBlob</c>,
    /// and the managed identity's Connector token when <c>MicrosoftAppType</c> is <c>UserAssignedMSI</c>. For blobs with
    /// a service URI, a <see cref="TokenCredential"/> registered by the host is used, else a <see cref="DefaultAzureCredential"/>
    /// for <see cref="StorageOptions.ManagedIdentityClientId"/>; a registered <see cref="BlobClientOptions"/> replaces
    /// <see cref="BlobStorage.CreateDefaultClientOptions"/>.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAzure(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<BlobStorageFactory>((options, sp) => new BlobStorage(StateContainer(options, sp)));
        services.TryAddSingleton<BlobRunLeaseFactory>((options, sp) => new BlobRunLease(StateContainer(options, sp)));
        services.TryAddSingleton<ManagedIdentityTokenProviderFactory>((options, time) => new ManagedIdentityAccessTokenProvider(options, time));
        return services;
    }

    /// <summary>
    /// The state container, for the storage and the run lease alike: a connection string when one is set, else the
    /// account's address with the registered <see cref="TokenCredential"/> or the managed identity.
    /// </summary>
    private static BlobContainerClient StateContainer(StorageOptions options, IServiceProvider services)
    {
        var clientOptions = services.GetService<BlobClientOptions>() ?? BlobStorage.CreateDefaultClientOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString, clientOptions).GetBlobContainerClient(options.ContainerName);
        }
        var credential = services.GetService<TokenCredential>()
            ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new BlobServiceClient(new Uri(options.ServiceUri!), credential, clientOptions).GetBlobContainerClient(options.ContainerName);
    }
}
