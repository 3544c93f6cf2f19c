using System.Net;
using System.Reflection;
using BotFramework;
using BotFramework.Connector.Authentication;
using BotFramework.Diagnostics;
using BotFramework.Hosting;
using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Deployment;

/// <summary>
/// What the Bicep template writes into the web app's settings is what the host reads: every key is bound
/// to one of the host's options, and the host starts with exactly those settings — managed identity for
/// the bot and for Blob storage, no secret anywhere.
/// </summary>
[Trait("Category", "Deployment")]
public sealed class HostReadsTheTemplateSettingsTests
{
    private const string IdentityClientId = "11111111-2222-4333-8444-555555555555";
    private const string TenantId = "66666666-7777-4888-9999-aaaaaaaaaaaa";
    private const string BlobServiceUri = "https://stpolicybotexample.blob.core.windows.net/";
    private const string ManagerId = "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff";
    private const string CallerAppId = "cccccccc-dddd-4eee-8fff-000000000000";
    private const string ApplicationInsights = "InstrumentationKey=dddddddd-eeee-4fff-8000-111111111111;IngestionEndpoint=https://127.0.0.1:9/";

    /// <summary>The template's settings, with the values Azure would put in (App Service turns "__" into ":").</summary>
    private static Dictionary<string, string?> DeployedSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, expression) in BicepTemplateTests.AppSettingsFromText())
        {
            var value = expression switch
            {
                "identityClientId" => IdentityClientId,
                "tenantId" => TenantId,
                "blobServiceUri" => BlobServiceUri,
                "containerName" => "policybot-state",
                "objectId" => ManagerId,
                "callerAppId" => CallerAppId,
                "string(deletedRetentionDays)" => "7",
                // Where Application Insights' ingestion is; nothing listens there in the tests.
                "applicationInsights" => ApplicationInsights,
                _ when expression.StartsWith('\'') && expression.EndsWith('\'') => expression.Trim('\''),
                _ => throw new InvalidOperationException($"The test does not know what Azure puts in {name} = {expression}; add it here."),
            };
            settings[name.Replace("{i}", "0", StringComparison.Ordinal).Replace("__", ":", StringComparison.Ordinal)] = value;
        }
        return settings;
    }

    /// <summary>
    /// Settings the .NET runtime reads from the environment before the host starts (not configuration keys): the GC's
    /// gen0 budget, which has no runtimeconfig.json name (see PolicyBot.Web.csproj).
    /// </summary>
    private static readonly string[] RuntimeSettings = ["DOTNET_GCgen0size"];

    [Fact]
    public void EveryKeyTheTemplateSets_IsOneTheHostReads_OrOneOfTheRuntimesSettings()
    {
        var readByHost = HostKeys().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = DeployedSettings().Keys.Select(k => string.Join(':', k.Split(':').Where(part => !part.All(char.IsDigit)))).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys.Except(RuntimeSettings, StringComparer.Ordinal), key => Assert.Contains(key, readByHost));
        Assert.All(RuntimeSettings, setting => Assert.Contains(setting, keys));
    }

    [Fact]
    public async Task TheHost_StartsWithExactlyTheTemplatesSettings_UsingManagedIdentityForTheBotAndForBlob()
    {
        await using var host = new BotHost(DeployedSettings(), testDefaults: false);
        using var client = host.CreateClient(); // starts the host: options are validated at start

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var traced = Assert.IsAssignableFrom<TracedStorage>(host.Services.GetRequiredService<IStorage>());
        var storage = Assert.IsType<BlobStorage>(traced.Inner);
        Assert.Equal(new Uri(BlobServiceUri + "policybot-state"), storage.ContainerUri);
        Assert.IsType<ManagedIdentityAccessTokenProvider>(host.Services.GetRequiredService<IAccessTokenProvider>());
        var auth = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotFrameworkOptions>>().Value;
        Assert.Equal(MicrosoftAppType.UserAssignedMSI, auth.MicrosoftAppType);
        Assert.False(auth.IsLocalMode);
        Assert.True(auth.IsTenantAllowed(TenantId));
        Assert.False(auth.IsTenantAllowed("00000000-0000-0000-0000-000000000001"));
        Assert.True(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PolicyBotOptions>>().Value.IsManager(ManagerId));
        Assert.True(auth.IsChannelAllowed("msteams"));
        Assert.False(auth.IsChannelAllowed("webchat"));
        var bot = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotHostOptions>>().Value;
        Assert.Equal([CallerAppId], bot.AllowedCallers);
        Assert.False(bot.AllowUnauthenticatedRequests);
        Assert.Equal(7, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DeletedRetentionDays);
    }

    [Fact]
    public async Task WithTheTemplatesSettings_ARequestWithoutATokenIsRefused()
    {
        await using var host = new BotHost(DeployedSettings(), testDefaults: false);
        var activity = new TeamsActivities("https://smba.trafficmanager.net/amer/").Message("menu");
        activity.Conversation!.TenantId = TenantId;

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void AzureBlobWithoutAnyConnection_StopsTheHostWithAMessageThatSaysWhatToSet()
    {
        var error = BotHost.StartupError(() => new BotHost(new Dictionary<string, string?> { ["Storage:Provider"] = "AzureBlob" }));

        Assert.Contains("Storage:ConnectionString", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The configuration keys bound by the host's options, as "Section:Property".</summary>
    private static IEnumerable<string> HostKeys()
    {
        yield return PolicyBot.Web.Telemetry.TelemetryServiceCollectionExtensions.ApplicationInsightsKey;
        foreach (var (prefix, type) in new (string, Type)[]
        {
            ("", typeof(BotFrameworkOptions)),
            ("Storage:", typeof(StorageOptions)),
            (BotHostOptions.SectionName + ":", typeof(BotHostOptions)),
            (PolicyBotOptions.SectionName + ":", typeof(PolicyBotOptions)),
        })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                yield return prefix + property.Name;
            }
        }
    }
}
