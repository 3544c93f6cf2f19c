using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotFramework;

public static class BotFrameworkStorageExtensions
{
    /// <summary>
    /// Registers the <see cref="IStorage"/> chosen by the <c>Storage</c> section, validated when the host starts.
    /// For blobs with a service URI, a <see cref="TokenCredential"/> registered by the host is used, else a
    /// <see cref="DefaultAzureCredential"/> for <see cref="StorageOptions.ManagedIdentityClientId"/>; a registered
    /// <see cref="BlobClientOptions"/> replaces <see cref="BlobStorage.CreateDefaultClientOptions"/>.
    /// </summary>
    public static IServiceCollection AddBotFrameworkStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(CreateStorage);
        return services;
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.Provider == StorageProvider.File)
        {
            var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return new FileStorage(Path.Combine(root, options.Folder));
        }

        var clientOptions = services.GetService<BlobClientOptions>() ?? BlobStorage.CreateDefaultClientOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobStorage(options.ConnectionString, options.ContainerName, clientOptions);
        }

        var credential = services.GetService<TokenCredential>()
            ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new BlobStorage(new Uri(options.ServiceUri!), credential, options.ContainerName, clientOptions);
    }

    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
