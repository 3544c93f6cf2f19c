using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Deployment;

/// <summary>
/// What the Azure templates must guarantee: the host's configuration keys and nothing secret, a hardened web app,
/// locked-down storage with soft delete and the 2-day conversation expiry backstop, and the bot wired to the managed
/// identity. Every test reads the .bicep text; with BICEP_CLI set it also checks the JSON `bicep build` writes.
/// </summary>
[Trait("Category", "Deployment")]
public sealed partial class BicepTemplateTests
{
    private const string ManagerSetting = "PolicyBot__Managers__{i}";
    private const string CallerSetting = "Bot__AllowedCallers__{i}";

    private static readonly string[] ExpectedSettings =
    [
        "MicrosoftAppType",
        "MicrosoftAppId",
        "MicrosoftAppTenantId",
        "AllowedTenants__0",
        "AllowedChannels__0",
        "Storage__Provider",
        "Storage__ServiceUri",
        "Storage__ContainerName",
        "Storage__ManagedIdentityClientId",
        "Storage__DeletedRetentionDays",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "DOTNET_GCgen0size",
        ManagerSetting,
        CallerSetting,
    ];

    private static readonly string[] ForbiddenInSettings = ["AccountKey", "Password", "Secret", "ConnectionString"];

    [Fact]
    public async Task AppSettings_AreExactlyTheHostsConfigurationKeys()
    {
        var fromText = AppSettingsFromText();
        Assert.Equal(ExpectedSettings.Order(StringComparer.Ordinal), fromText.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'UserAssignedMSI'", fromText["MicrosoftAppType"]);
        Assert.Equal("'AzureBlob'", fromText["Storage__Provider"]);
        Assert.Equal("identityClientId", fromText["MicrosoftAppId"]);
        Assert.Equal("identityClientId", fromText["Storage__ManagedIdentityClientId"]);
        Assert.Equal("tenantId", fromText["MicrosoftAppTenantId"]);
        Assert.Equal("tenantId", fromText["AllowedTenants__0"]);
        Assert.Equal("'msteams'", fromText["AllowedChannels__0"]);
        Assert.Equal("string(deletedRetentionDays)", fromText["Storage__DeletedRetentionDays"]);
        Assert.Equal("callerAppId", fromText[CallerSetting]);
        Assert.Matches(@"deletedRetentionDays:\s*softDeleteRetentionDays\b", BicepSources.Main);
        Assert.Matches(@"allowedCallerAppIds:\s*allowedCallerAppIds\b", BicepSources.Main);
        Assert.DoesNotContain("AllowUnauthenticatedRequests__", BicepSources.All, StringComparison.Ordinal);
        Assert.Matches(@"identityClientId:\s*identity\.properties\.clientId", BicepSources.Main);
        Assert.Matches(@"tenantId:\s*tenant\(\)\.tenantId", BicepSources.Main);
        Assert.Matches(@"blobServiceUri:\s*storage\.outputs\.blobEndpoint", BicepSources.Main);

        // Settings can only come from siteConfig.appSettings: one such property, no separate config resource.
        Assert.Single(Regex.Matches(BicepSources.All, @"\bappSettings:"));
        Assert.DoesNotContain("Microsoft.Web/sites/config", BicepSources.All, StringComparison.OrdinalIgnoreCase);

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var site = compiled.Single("Microsoft.Web/sites");
            var fromJson = AppSettingsFromJson(site);
            Assert.Equal(ExpectedSettings.Order(StringComparer.Ordinal), fromJson.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("UserAssignedMSI", Text(fromJson["MicrosoftAppType"]));
            Assert.Equal("AzureBlob", Text(fromJson["Storage__Provider"]));
            Assert.Equal("policybot-state", Text(fromJson["Storage__ContainerName"]));
            Assert.Equal("[tenant().tenantId]", Text(fromJson["MicrosoftAppTenantId"]));
            Assert.Equal("[tenant().tenantId]", Text(fromJson["AllowedTenants__0"]));
            Assert.Equal("msteams", Text(fromJson["AllowedChannels__0"]));
            AssertIsIdentityClientId(compiled, fromJson["MicrosoftAppId"]);
            AssertIsIdentityClientId(compiled, fromJson["Storage__ManagedIdentityClientId"]);

            var serviceUri = Regex.Match(Text(fromJson["Storage__ServiceUri"]), @"^\[reference\('(\w+)'\)\.outputs\.(\w+)\.value\]$");
            Assert.True(serviceUri.Success, "Storage__ServiceUri should be the storage module's output");
            var moduleOutput = compiled.Root["resources"]?[serviceUri.Groups[1].Value]?["properties"]?["template"]?["outputs"]?[serviceUri.Groups[2].Value];
            Assert.Matches(@"\.primaryEndpoints\.blob\]$", Text(moduleOutput?["value"]));
        }
    }

    /// <summary>
    /// The in-process benchmark measures the deployed bot only if it runs with the host's runtime settings: the same GC
    /// and tiering properties and the same runtimeconfig.json options in both project files.
    /// </summary>
    [Fact]
    public void InProcessBenchmark_RunsWithTheHostsRuntimeSettings()
    {
        var host = RuntimeSettings("src/PolicyBot.Web/PolicyBot.Web.csproj");
        var benchmark = RuntimeSettings("benchmarks/PolicyBot.Benchmarks/PolicyBot.Benchmarks.csproj");

        Assert.Contains("System.GC.RegionSize=1048576", host);
        Assert.Contains("ServerGarbageCollection=false", host);
        Assert.Equal(host, benchmark);
    }

    private static SortedSet<string> RuntimeSettings(string project)
    {
        var xml = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, project));
        string[] properties = ["ServerGarbageCollection", "ConcurrentGarbageCollection", "TieredPGO", "TieredCompilation", "InvariantGlobalization"];
        var settings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in xml.Descendants())
        {
            if (e.Name.LocalName == "RuntimeHostConfigurationOption")
                settings.Add($"{(string?)e.Attribute("Include")}={(string?)e.Attribute("Value")}");
            else if (properties.Contains(e.Name.LocalName) && e.Parent?.Name.LocalName == "PropertyGroup")
                settings.Add($"{e.Name.LocalName}={e.Value.Trim()}");
        }
        return settings;
    }

    /// <summary>
    /// The gen0 budget is the one GC setting the runtime reads only from the environment (the others are in
    /// runtimeconfig.json, from PolicyBot.Web.csproj): the deployed app, the host's launch profile (the README's command
    /// and the side-by-side benchmark) and the in-process benchmark must all run with the same one.
    /// </summary>
    [Fact]
    public void Gen0Budget_IsTheSameWhereverTheHostRuns()
    {
        var deployed = AppSettingsFromText()["DOTNET_GCgen0size"];
        Assert.Equal("'0x800000'", deployed);
        foreach (var profile in new[] { "src/PolicyBot.Web/Properties/launchSettings.json", "benchmarks/PolicyBot.Benchmarks/Properties/launchSettings.json" })
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, profile)))!;
            var profiles = json["profiles"]!.AsObject();
            Assert.NotEmpty(profiles);
            Assert.All(profiles, p => Assert.Equal(deployed.Trim('\''), (string?)p.Value!["environmentVariables"]?["DOTNET_GCgen0size"]));
        }
    }

    [Fact]
    public async Task NothingSecret_IsConfiguredAnywhere()
    {
        foreach (var (name, value) in AppSettingsFromText())
        {
            AssertNotSecret(name, value);
        }

        var all = BicepSources.All;
        Assert.DoesNotMatch(@"(?i)listKeys|listAccountSas|listServiceSas|@secure\(\)|AccountKey=|MicrosoftAppPassword", all);

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            foreach (var (name, value) in AppSettingsFromJson(compiled.Single("Microsoft.Web/sites")))
            {
                AssertNotSecret(name, value?.ToJsonString() ?? "");
            }

            Assert.DoesNotMatch(@"(?i)listKeys|listAccountSas|listServiceSas|securestring|AccountKey=", compiled.Root.ToJsonString());
        }

        static void AssertNotSecret(string name, string value)
        {
            foreach (var word in ForbiddenInSettings)
            {
                Assert.False(name.Contains(word, StringComparison.OrdinalIgnoreCase), $"setting name {name} contains {word}");
                Assert.False(value.Contains(word, StringComparison.OrdinalIgnoreCase), $"setting {name} = {value} contains {word}");
            }
        }
    }

    [Fact]
    public async Task WebApp_IsHttpsOnly_AlwaysOn_HealthChecked_OnDotNet10()
    {
        var web = BicepSources.Module("webApp");
        Assert.Matches(@"httpsOnly:\s*true\b", web);
        Assert.Matches(@"alwaysOn:\s*true\b", web);
        Assert.Matches(@"healthCheckPath:\s*'/healthz'", web);
        Assert.Matches(@"\bminTlsVersion:\s*'1\.2'", web);
        Assert.Matches(@"ftpsState:\s*'Disabled'", web);
        Assert.Matches(@"linuxFxVersion:\s*'DOTNETCORE\|10\.0'", web);
        Assert.Matches(@"type:\s*'UserAssigned'", web);
        Assert.Matches(@"capacity:\s*instanceCount\b", web);
        Assert.Matches(@"param\s+instanceCount\s+int\s*=\s*1\b", BicepSources.Main);

        // The start command must name the host's assembly.
        var command = Regex.Match(web, @"appCommandLine:\s*'dotnet\s+(?<dll>[\w.]+)\.dll\b");
        Assert.True(command.Success, "appCommandLine should run the host's dll");
        var project = command.Groups["dll"].Value;
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj")), $"no project for {project}.dll");

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var site = compiled.Single("Microsoft.Web/sites");
            Assert.True(site.Get("httpsOnly")!.GetValue<bool>());
            Assert.True(site.Get("siteConfig.alwaysOn")!.GetValue<bool>());
            Assert.Equal("/healthz", Text(site.Get("siteConfig.healthCheckPath")));
            Assert.Equal("1.2", Text(site.Get("siteConfig.minTlsVersion")));
            Assert.Equal("Disabled", Text(site.Get("siteConfig.ftpsState")));
            Assert.Equal("DOTNETCORE|10.0", Text(site.Get("siteConfig.linuxFxVersion")));
            Assert.Equal("UserAssigned", Text(site.Node["identity"]?["type"]));

            var plan = compiled.Single("Microsoft.Web/serverfarms");
            Assert.True(plan.Get("reserved")!.GetValue<bool>(), "the plan must be Linux");
            Assert.Equal(1, plan.Scope.Resolve(plan.Node["sku"]?["capacity"])!.GetValue<int>());
            Assert.Equal("B1", Text(plan.Scope.Resolve(plan.Node["sku"]?["name"])));
        }
    }

    [Fact]
    public async Task Storage_AcceptsOnlyEntraIdOverTls12_WithoutPublicBlobs_AndKeepsDeletedBlobs()
    {
        var storage = BicepSources.Module("storage");
        Assert.Matches(@"kind:\s*'StorageV2'", storage);
        Assert.Matches(@"minimumTlsVersion:\s*'TLS1_2'", storage);
        Assert.Matches(@"supportsHttpsTrafficOnly:\s*true\b", storage);
        Assert.Matches(@"allowBlobPublicAccess:\s*false\b", storage);
        Assert.Matches(@"allowSharedKeyAccess:\s*false\b", storage);
        Assert.Matches(@"deleteRetentionPolicy:\s*\{\s*enabled:\s*true\b", storage);
        Assert.Matches(@"publicAccess:\s*'None'", storage);
        Assert.Matches(@"param\s+stateContainerName\s+string\s*=\s*'policybot-state'", BicepSources.Main);
        Assert.Matches(@"'ba92f5b4-2d11-453d-a403-e96b0029c9fe'", storage);
        Assert.Matches(@"param\s+location\s+string\s*=\s*'canadacentral'", BicepSources.Main);

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var account = compiled.Single("Microsoft.Storage/storageAccounts");
            Assert.Equal("StorageV2", Text(account.Node["kind"]));
            Assert.Equal("TLS1_2", Text(account.Get("minimumTlsVersion")));
            Assert.True(account.Get("supportsHttpsTrafficOnly")!.GetValue<bool>());
            Assert.False(account.Get("allowBlobPublicAccess")!.GetValue<bool>());
            Assert.False(account.Get("allowSharedKeyAccess")!.GetValue<bool>());
            Assert.Equal("canadacentral", Text(account.Scope.Resolve(account.Node["location"])));

            var blobs = compiled.Single("Microsoft.Storage/storageAccounts/blobServices");
            Assert.True(blobs.Get("deleteRetentionPolicy.enabled")!.GetValue<bool>());
            Assert.InRange(blobs.Get("deleteRetentionPolicy.days")!.GetValue<int>(), 1, 365);

            var container = compiled.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
            Assert.Equal("None", Text(container.Get("publicAccess")));

            var role = Assert.Single(compiled.Resources, r => r.Type == "Microsoft.Authorization/roleAssignments" && r.Scope.Variable("blobDataContributorRoleId") is not null);
            var roleVariable = Regex.Match(Text(role.Get("roleDefinitionId")),
                @"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', variables\('(\w+)'\)\)\]$");
            Assert.True(roleVariable.Success, "roleDefinitionId should name a built-in role through a variable");
            Assert.Equal("ba92f5b4-2d11-453d-a403-e96b0029c9fe", Text(role.Scope.Variable(roleVariable.Groups[1].Value)));
            Assert.Equal("ServicePrincipal", Text(role.Get("principalType")));
        }
    }

    [Fact]
    public async Task Lifecycle_DeletesOnlyConversationState_After2DaysWithoutChange_AsTheBotsBackstop()
    {
        var storage = BicepSources.Module("storage");
        Assert.Matches(@"prefixMatch:\s*\[\s*'\$\{containerName\}/msteams/conversations/'\s*\]", storage);
        Assert.Matches(@"daysAfterModificationGreaterThan:\s*conversationRetentionDays\b", storage);
        Assert.DoesNotContain("/users", storage, StringComparison.Ordinal);
        Assert.Matches(@"param\s+conversationRetentionDays\s+int\s*=\s*2\b", BicepSources.Main);
        Assert.Matches(@"conversationRetentionDays:\s*conversationRetentionDays\b", BicepSources.Main);
        Assert.Matches(@"containerName:\s*stateContainerName\b", BicepSources.Main);

        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.DeploymentTemplates, "main.parameters.json")))!;
        if (parameters["parameters"]?["conversationRetentionDays"] is { } days)
        {
            Assert.Equal(2, days["value"]!.GetValue<int>());
        }

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var policy = compiled.Single("Microsoft.Storage/storageAccounts/managementPolicies");
            var rule = Assert.Single(policy.Properties["policy"]!["rules"]!.AsArray())!;
            Assert.True(rule["enabled"]!.GetValue<bool>());
            var prefix = Assert.Single(rule["definition"]!["filters"]!["prefixMatch"]!.AsArray());
            Assert.Equal("policybot-state/msteams/conversations/", Text(policy.Scope.Resolve(prefix)));
            var delete = rule["definition"]!["actions"]!["baseBlob"]!["delete"]!;
            Assert.Equal(2, policy.Scope.Resolve(delete["daysAfterModificationGreaterThan"])!.GetValue<int>());
        }
    }

    [Fact]
    public async Task ApplicationInsights_IsWorkspaceBased_InTheAppsRegion_WithoutLocalAuth_AndOnlyTheIdentityMayPublish()
    {
        var monitoring = BicepSources.Module("monitoring");
        Assert.Matches(@"resource\s+workspace\s+'Microsoft\.OperationalInsights/workspaces@", monitoring);
        Assert.Matches(@"resource\s+insights\s+'Microsoft\.Insights/components@", monitoring);
        Assert.Equal(2, Regex.Matches(monitoring, @"^\s+location:\s*location\s*$", RegexOptions.Multiline).Count);
        Assert.Matches(@"WorkspaceResourceId:\s*workspace\.id\b", monitoring);
        Assert.Matches(@"DisableLocalAuth:\s*true\b", monitoring);
        Assert.Matches(@"metricsPublisherRoleId\s*=\s*'3913510d-42f4-4e42-8a64-420c390055eb'", monitoring);
        Assert.Matches(@"scope:\s*insights\b", monitoring);
        var module = Regex.Match(BicepSources.Main, @"module\s+monitoring\s+'modules/monitoring\.bicep'(?<body>.*?)\nmodule\s", RegexOptions.Singleline);
        Assert.True(module.Success, "main.bicep should use modules/monitoring.bicep");
        Assert.Matches(@"\n\s+location:\s*location\s*\n", module.Groups["body"].Value);
        Assert.Matches(@"principalId:\s*identity\.properties\.principalId", BicepSources.Main);
        // The connection string names where to send; with local authentication off it cannot be used without the identity's token.
        Assert.Matches(@"applicationInsights:\s*monitoring\.outputs\.ingestionSettings\b", BicepSources.Main);
        Assert.Matches(@"output\s+ingestionSettings\s+string\s*=\s*insights\.properties\.ConnectionString", monitoring);
        Assert.Equal("applicationInsights", AppSettingsFromText()["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var insights = compiled.Single("Microsoft.Insights/components");
            Assert.True(insights.Get("DisableLocalAuth")!.GetValue<bool>());
            Assert.Equal("web", Text(insights.Get("Application_Type")));
            Assert.Equal("LogAnalytics", Text(insights.Get("IngestionMode")));
            compiled.Single("Microsoft.OperationalInsights/workspaces");
            var publisher = Assert.Single(compiled.Resources, r => r.Type == "Microsoft.Authorization/roleAssignments" && r.Scope.Variable("metricsPublisherRoleId") is not null);
            Assert.Equal("3913510d-42f4-4e42-8a64-420c390055eb", Text(publisher.Scope.Variable("metricsPublisherRoleId")));
            Assert.Equal("ServicePrincipal", Text(publisher.Get("principalType")));
        }
    }

    [Fact]
    public async Task Bot_UsesTheManagedIdentity_AndTheTeamsChannel()
    {
        var bot = BicepSources.Module("bot");
        Assert.Matches(@"kind:\s*'azurebot'", bot);
        Assert.Matches(@"location:\s*'global'", bot);
        Assert.Matches(@"msaAppType:\s*'UserAssignedMSI'", bot);
        Assert.Matches(@"msaAppId:\s*identityClientId\b", bot);
        Assert.Matches(@"msaAppMSIResourceId:\s*identityResourceId\b", bot);
        Assert.Matches(@"msaAppTenantId:\s*tenantId\b", bot);
        Assert.Matches(@"name:\s*'MsTeamsChannel'", bot);
        Assert.Matches(@"isEnabled:\s*true\b", bot);
        Assert.Matches(@"endpoint:\s*'https://\$\{webApp\.outputs\.hostName\}/api/messages'", BicepSources.Main);
        Assert.Matches(@"param\s+botSku\s+string\s*=\s*'F0'", BicepSources.Main);

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var service = compiled.Single("Microsoft.BotService/botServices");
            Assert.Equal("azurebot", Text(service.Node["kind"]));
            Assert.Equal("global", Text(service.Node["location"]));
            Assert.Equal("UserAssignedMSI", Text(service.Get("msaAppType")));
            Assert.Matches(@"/api/messages'", Text(service.Get("endpoint")));
            AssertIsIdentityClientId(compiled, service.Get("msaAppId"));

            var channel = compiled.Single("Microsoft.BotService/botServices/channels");
            Assert.Equal("MsTeamsChannel", Text(channel.Get("channelName")));
            Assert.True(channel.Get("properties.isEnabled")!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Outputs_AndParameterFile_MatchTheTemplate()
    {
        var main = BicepSources.Main;
        foreach (var output in new[] { "webAppHostName", "botAppId", "storageAccountName", "applicationInsightsName" })
        {
            Assert.Matches($@"output\s+{output}\s+string\s*=", main);
        }

        var declared = Regex.Matches(main, @"^param\s+(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.DeploymentTemplates, "main.parameters.json")))!;
        var supplied = parameters["parameters"]!.AsObject();
        Assert.All(supplied.Select(p => p.Key), name => Assert.Contains(name, declared));
        Assert.Equal("canadacentral", supplied["location"]?["value"]?.GetValue<string>());

        if (await CompiledTemplate.LoadAsync() is { } compiled)
        {
            var outputs = compiled.Root["outputs"]!.AsObject();
            Assert.All(new[] { "webAppHostName", "botAppId", "storageAccountName" }, o => Assert.True(outputs.ContainsKey(o), o));
            var templateParameters = compiled.Root["parameters"]!.AsObject();
            Assert.All(supplied.Select(p => p.Key), name => Assert.True(templateParameters.ContainsKey(name), name));
        }
    }

    /// <summary>Setting name to value expression, from the { name: ... value: ... } objects of webApp.bicep.</summary>
    internal static Dictionary<string, string> AppSettingsFromText()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in NameValueObject().Matches(BicepSources.Module("webApp")))
        {
            var name = LoopName().Replace(m.Groups["name"].Value, "${prefix}{i}");
            Assert.True(settings.TryAdd(name, m.Groups["value"].Value.Trim()), $"app setting {name} is set twice");
        }

        return settings;
    }

    /// <summary>Setting name to value, from siteConfig.appSettings in the compiled JSON (arrays and copy loops).</summary>
    private static Dictionary<string, JsonNode?> AppSettingsFromJson(CompiledResource site)
    {
        var settings = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var node = site.Properties["siteConfig"]?["appSettings"];
        IEnumerable<JsonObject> items;
        if (node is JsonArray literal)
        {
            items = literal.Select(i => i!.AsObject());
        }
        else
        {
            var expression = Text(node);
            Assert.Matches(@"^\[(concat\()?variables\('\w+'\)(, variables\('\w+'\))*\)?\]$", expression);
            items = VariableReference().Matches(expression).SelectMany(m =>
            {
                var name = m.Groups[1].Value;
                if (site.Scope.Variable(name) is JsonArray array)
                {
                    return array.Select(i => i!.AsObject());
                }

                return new[] { site.Scope.CopyInput(name) ?? throw new InvalidOperationException($"variable {name} not found") };
            });
        }

        foreach (var item in items)
        {
            var name = CopyLoopName().Replace(Text(item["name"]), "${prefix}{i}");
            Assert.True(settings.TryAdd(name, site.Scope.Resolve(item["value"])), $"app setting {name} is set twice");
        }

        return settings;
    }

    /// <summary>The value must be the clientId of the user-assigned identity declared in main.bicep.</summary>
    private static void AssertIsIdentityClientId(CompiledTemplate compiled, JsonNode? value)
    {
        var expression = Text(value);
        var symbolic = Regex.Match(expression, @"^\[reference\('(\w+)'\)\.clientId\]$");
        if (symbolic.Success)
        {
            var resource = compiled.Root["resources"]?[symbolic.Groups[1].Value];
            Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", Text(resource?["type"]));
        }
        else
        {
            Assert.Matches(@"^\[reference\(resourceId\('Microsoft\.ManagedIdentity/userAssignedIdentities'.*\.clientId\]$", expression);
        }
    }

    private static string Text(JsonNode? node) =>
        node?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException("expected a string value");

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']*)'\s*,?\s*value:\s*(?<value>[^\r\n}]+?)\s*,?\s*\}")]
    private static partial Regex NameValueObject();

    /// <summary>A setting named in a loop, <c>Prefix__${i}</c>.</summary>
    [GeneratedRegex(@"^(?<prefix>\w+__)\$\{\w+\}$")]
    private static partial Regex LoopName();

    [GeneratedRegex(@"^\[format\('(?<prefix>\w+__)\{0\}', copyIndex\('\w+'\)\)\]$")]
    private static partial Regex CopyLoopName();

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableReference();
}
