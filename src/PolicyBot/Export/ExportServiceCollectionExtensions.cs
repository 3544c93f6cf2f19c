using BotFramework;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Conversation;

namespace PolicyBot.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>The policy as a Word document (section <c>PolicyBot:Export</c>), delivered with Teams' file consent.</summary>
    public static IServiceCollection AddExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>()
            .Bind(configuration.GetSection(ExportOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        services.AddHttpClient(HttpFileUploader.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IFileUploader, HttpFileUploader>();
        services.AddSingleton<ExportFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<ExportFeature>());
        return services;
    }
}
