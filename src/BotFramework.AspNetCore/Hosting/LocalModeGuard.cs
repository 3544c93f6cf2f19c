using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotFramework.Hosting;

/// <summary>
/// Local mode (no <c>MicrosoftAppId</c>) accepts requests without a token, so the host starts in it only
/// where that is safe: in the Development environment (what <c>dotnet run</c> uses), where the adapter then
/// answers requests from this machine only; or when <c>Bot:AllowUnauthenticatedRequests</c> says so
/// explicitly. Settings that only make sense behind Azure Bot Service (a tenant, allowed tenants, Azure
/// storage, a non-default app type) mean the app id went missing from a deployment: the host refuses to
/// start, saying what to set. Checked when the host starts, not when options are read.
/// </summary>
public sealed class LocalModeGuard(IServiceProvider services) : IValidateOptions<LocalModeGuard.Check>
{
    /// <summary>Nothing to bind: the options type whose start-up validation runs this guard.</summary>
    public sealed class Check;

    internal static void Register(IServiceCollection services)
    {
        services.AddOptions<Check>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<Check>, LocalModeGuard>();
    }

    public ValidateOptionsResult Validate(string? name, Check options)
    {
        BotFrameworkOptions auth;
        StorageOptions storage;
        BotHostOptions host;
        try
        {
            auth = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            host = services.GetRequiredService<IOptions<BotHostOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip; // those settings report their own problems
        }

        if (!auth.IsLocalMode)
        {
            return host.AllowUnauthenticatedRequests
                ? ValidateOptionsResult.Fail("Bot:AllowUnauthenticatedRequests is set but so is MicrosoftAppId: with an app id every request needs a token. Remove Bot:AllowUnauthenticatedRequests.")
                : ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (storage.Provider == StorageProvider.AzureBlob && !IsLocalBlobEndpoint(storage))
        {
            problems.Add("Storage:Provider is AzureBlob on an Azure storage account but MicrosoftAppId is empty, which would run the bot without authentication (local mode). Set MicrosoftAppId (with MicrosoftAppType and MicrosoftAppTenantId), or use File storage, or Azurite on this machine, to run locally.");
        }

        var environment = services.GetService<IHostEnvironment>();
        if (!host.AllowUnauthenticatedRequests && environment?.IsDevelopment() != true)
        {
            problems.Add($"MicrosoftAppId is empty, so the bot would accept requests without a token (local mode), and the environment is '{environment?.EnvironmentName ?? "unknown"}', not Development. "
                + "To run behind Azure Bot Service, set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId. "
                + "To try the bot on this machine, run it in Development (dotnet run --project src/PolicyBot.Web does; otherwise set ASPNETCORE_ENVIRONMENT=Development or pass --environment Development): it then answers requests from this machine only. "
                + "To accept unauthenticated requests from anywhere (never where others can reach it), set Bot:AllowUnauthenticatedRequests=true.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Azurite or another emulator on this machine (a connection string to a loopback endpoint).</summary>
    private static bool IsLocalBlobEndpoint(StorageOptions storage) =>
        StorageConnectionString.BlobEndpoint(storage.ConnectionString) is { } endpoint && Loopback.IsHost(endpoint.Host);
}
