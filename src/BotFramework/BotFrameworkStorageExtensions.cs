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
    /// Registers the <see cref="IStorage"/> chosen by the <c>Storage</c> section, validated when the host starts:
    /// <see cref="FileStorage"/>, or Azure Blob storage through the <see cref="BlobStorageFactory"/> that
    /// <c>AddBotFrameworkAzure</c> (project BotFramework.Azure) registers.
    /// </summary>
    public static IServiceCollection AddBotFrameworkStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        services.TryAddSingleton(CreateStorage);
        services.TryAddSingleton(CreateRunLease);
        return services;
    }

    /// <summary>One holder at a time for background runs: in this process for file storage, a Blob lease for Azure Blob storage.</summary>
    private static IRunLease CreateRunLease(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.Provider == StorageProvider.File) return new InProcessRunLease();
        var leases = services.GetService<BlobRunLeaseFactory>()
            ?? throw new InvalidOperationException("Storage:Provider is AzureBlob, but the host did not add Azure storage: call services.AddBotFrameworkAzure() (project BotFramework.Azure).");
        return leases(options, services);
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.Provider == StorageProvider.File)
        {
            var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return new FileStorage(Path.Combine(root, options.Folder));
        }
        var blobs = services.GetService<BlobStorageFactory>()
            ?? throw new InvalidOperationException("Storage:Provider is AzureBlob, but the host did not add Azure storage: call services.AddBotFrameworkAzure() (project BotFramework.Azure).");
        return blobs(options, services);
    }
}
