using Microsoft.Extensions.Configuration;

namespace BotFramework.Tests.Authentication;

[Trait("Category", "Fast")]
public sealed class BotFrameworkOptionsTests
{
    private const string AppId = AuthenticationScenario.AppId;
    private const string TenantId = AuthenticationScenario.TenantId;

    [Fact]
    public void Binding_ReadsTheSdkKeysFromTheConfigurationRoot()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppType"] = "SingleTenant",
            ["AllowedTenants:0"] = TenantId,
            ["AllowedTenants:1"] = AuthenticationScenario.OtherTenantId,
            ["RequiredEndorsements:0"] = "msteams",
            ["ChannelOpenIdMetadataUrl"] = "http://127.0.0.1:5000/openid",
        });

        Assert.Equal(AppId, options.MicrosoftAppId);
        Assert.Equal("secret", options.MicrosoftAppPassword);
        Assert.Equal(TenantId, options.MicrosoftAppTenantId);
        Assert.Equal(MicrosoftAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal([TenantId, AuthenticationScenario.OtherTenantId], options.AllowedTenants);
        Assert.Equal(["msteams"], options.RequiredEndorsements);
        Assert.Equal("http://127.0.0.1:5000/openid", options.ChannelOpenIdMetadataUrl);
        Assert.Equal(BotFrameworkOptions.DefaultEntraOpenIdMetadataUrlTemplate, options.EntraOpenIdMetadataUrlTemplate);
    }

    [Theory]
    [InlineData("singletenant", MicrosoftAppType.SingleTenant)]
    [InlineData("SINGLETENANT", MicrosoftAppType.SingleTenant)]
    [InlineData("userassignedmsi", MicrosoftAppType.UserAssignedMSI)]
    [InlineData("multiTenant", MicrosoftAppType.MultiTenant)]
    public void Binding_ParsesTheAppTypeCaseInsensitively(string value, MicrosoftAppType expected)
    {
        var options = Bind(new() { ["MicrosoftAppType"] = value });

        Assert.Equal(expected, options.MicrosoftAppType);
    }

    [Fact]
    public void Defaults_AreMultiTenant_AnyTenant_AndThePublicCloudMetadata()
    {
        var options = new BotFrameworkOptions();

        Assert.Equal(MicrosoftAppType.MultiTenant, options.MicrosoftAppType);
        Assert.Empty(options.AllowedTenants);
        Assert.True(options.IsLocalMode);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration", options.EntraOpenIdMetadataUrlTemplate);
    }

    [Fact]
    public void EntraMetadataUrl_FillsInTheTenant()
    {
        var options = new BotFrameworkOptions { MicrosoftAppTenantId = TenantId };

        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration", options.EntraOpenIdMetadataUrl);
    }

    [Fact]
    public void Validate_MultiTenantWithIdPasswordAndTenants_HasNoProblems() =>
        Assert.Empty(new BotFrameworkOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", AllowedTenants = [TenantId] }.Validate());

    [Fact]
    public void Validate_AppIdWithNoTenantAllowed_SaysToSetAllowedTenants()
    {
        var problem = Assert.Single(new BotFrameworkOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" }.Validate());

        Assert.Contains("no tenant is allowed", problem);
        Assert.Contains("set AllowedTenants:0", problem);
    }

    [Fact]
    public void AllowedTenants_DefaultsToTheAppsOwnTenant()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId };

        Assert.Empty(options.Validate());
        Assert.Equal([TenantId], options.EffectiveAllowedTenants);
        Assert.True(options.IsTenantAllowed(TenantId));
        Assert.False(options.IsTenantAllowed(AuthenticationScenario.OtherTenantId));
    }

    [Theory]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("AllowedTenants")]
    public void Validate_LocalModeWithATenantSetting_SaysTheAppIdIsMissing(string setting)
    {
        var options = new BotFrameworkOptions();
        if (setting == "MicrosoftAppTenantId") options.MicrosoftAppTenantId = TenantId;
        else options.AllowedTenants = [TenantId];

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting + " is set but MicrosoftAppId is empty", problem);
        Assert.Contains("without authentication (local mode)", problem);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://127.0.0.1:5000/openid", true)]
    [InlineData("http://localhost:5000/openid", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    public void Validate_ChannelMetadataOverPlainHttp_IsAllowedOnlyOnThisMachine(string url, bool allowed)
    {
        var options = SingleTenant();
        options.ChannelOpenIdMetadataUrl = url;

        var problems = options.Validate().ToList();

        if (allowed) Assert.Empty(problems);
        else Assert.Contains("not an absolute https URL", Assert.Single(problems));
    }

    [Fact]
    public void AllowedChannels_DefaultsToTeamsOnly()
    {
        var options = new BotFrameworkOptions();

        Assert.True(options.IsChannelAllowed("msteams"));
        Assert.False(options.IsChannelAllowed("webchat"));
        Assert.False(options.IsChannelAllowed("directline"));
        Assert.False(options.IsChannelAllowed("MSTEAMS"));
        Assert.False(options.IsChannelAllowed(null));
    }

    [Fact]
    public void AllowedChannels_WhenListed_ReplaceTheDefault()
    {
        var options = Bind(new() { ["AllowedChannels:0"] = "msteams", ["AllowedChannels:1"] = "webchat" });

        Assert.Equal(["msteams", "webchat"], options.EffectiveAllowedChannels);
        Assert.True(options.IsChannelAllowed("webchat"));
    }

    [Fact]
    public void Validate_SingleTenantComplete_HasNoProblems() =>
        Assert.Empty(SingleTenant().Validate());

    [Fact]
    public void Validate_UserAssignedMsiComplete_HasNoProblems() =>
        Assert.Empty(new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId }.Validate());

    [Fact]
    public void Validate_LocalMode_HasNoProblems() =>
        Assert.Empty(new BotFrameworkOptions().Validate());

    [Fact]
    public void Validate_SingleTenantWithoutAppId_SaysToSetIt()
    {
        var options = SingleTenant();
        options.MicrosoftAppId = null;

        var problem = Assert.Single(options.Validate());

        Assert.Contains("SingleTenant", problem);
        Assert.Contains("set MicrosoftAppId", problem);
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenant_SaysToSetIt()
    {
        var options = SingleTenant();
        options.MicrosoftAppTenantId = "";

        var problems = options.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("set MicrosoftAppTenantId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no tenant is allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SingleTenantWithoutPassword_SaysToSetIt()
    {
        var options = SingleTenant();
        options.MicrosoftAppPassword = null;

        var problem = Assert.Single(options.Validate());

        Assert.Contains("set MicrosoftAppPassword", problem);
    }

    [Fact]
    public void Validate_SingleTenantWithNothing_ListsEveryMissingSetting()
    {
        var problems = new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.SingleTenant }.Validate().ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("set MicrosoftAppId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("set MicrosoftAppTenantId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("set MicrosoftAppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UserAssignedMsiWithoutAppId_SaysToSetTheIdentitysClientId()
    {
        var problem = Assert.Single(new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppTenantId = TenantId }.Validate());

        Assert.Contains("set MicrosoftAppId to the client ID of the user-assigned managed identity", problem);
    }

    [Fact]
    public void Validate_UserAssignedMsiWithoutTenant_SaysToSetIt()
    {
        var problems = new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = AppId }.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("UserAssignedMSI", StringComparison.Ordinal) && p.Contains("set MicrosoftAppTenantId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no tenant is allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UserAssignedMsiWithPassword_SaysToRemoveIt()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = MicrosoftAppType.UserAssignedMSI, MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, MicrosoftAppPassword = "secret" };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("remove MicrosoftAppPassword", problem);
    }

    [Fact]
    public void Validate_MultiTenantAppIdWithoutPassword_SaysToSetThePassword()
    {
        var problem = Assert.Single(new BotFrameworkOptions { MicrosoftAppId = AppId, AllowedTenants = [TenantId] }.Validate());

        Assert.Contains("set MicrosoftAppPassword", problem);
    }

    [Fact]
    public void Validate_PasswordWithoutAppId_SaysToSetTheAppId()
    {
        var problem = Assert.Single(new BotFrameworkOptions { MicrosoftAppPassword = "secret" }.Validate());

        Assert.Contains("set MicrosoftAppId", problem);
    }

    [Theory]
    [InlineData("my-bot")]
    [InlineData("28:6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11")]
    public void Validate_AppIdThatIsNotAGuid_SaysWhatItShouldBe(string appId)
    {
        var problem = Assert.Single(new BotFrameworkOptions { MicrosoftAppId = appId, MicrosoftAppPassword = "secret", AllowedTenants = [TenantId] }.Validate());

        Assert.Contains("MicrosoftAppId", problem);
        Assert.Contains("not a GUID", problem);
        Assert.Contains("application (client) ID", problem);
    }

    [Fact]
    public void Validate_SingleTenantWithADomainForTenant_SaysToUseTheTenantId()
    {
        var options = SingleTenant();
        options.MicrosoftAppTenantId = "contoso.onmicrosoft.com";

        var problem = Assert.Single(options.Validate());

        Assert.Contains("MicrosoftAppTenantId", problem);
        Assert.Contains("not a GUID", problem);
    }

    [Fact]
    public void Validate_AllowedTenantThatIsNotAGuid_NamesTheEntry()
    {
        var options = SingleTenant();
        options.AllowedTenants = [TenantId, "contoso"];

        var problem = Assert.Single(options.Validate());

        Assert.Contains("AllowedTenants:1", problem);
    }

    [Fact]
    public void Validate_MetadataUrlsThatAreNotUrls_SayHowToGetTheDefaults()
    {
        var options = SingleTenant();
        options.ChannelOpenIdMetadataUrl = "login.botframework.com";
        options.EntraOpenIdMetadataUrlTemplate = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

        var problems = options.Validate().ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("ChannelOpenIdMetadataUrl", StringComparison.Ordinal) && p.Contains(BotFrameworkOptions.DefaultChannelOpenIdMetadataUrl, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("EntraOpenIdMetadataUrlTemplate", StringComparison.Ordinal) && p.Contains("{tenantId}", StringComparison.Ordinal));
    }

    [Fact]
    public void IsTenantAllowed_InLocalModeWithNoList_AllowsAnyTenant()
    {
        var options = new BotFrameworkOptions();

        Assert.True(options.IsTenantAllowed(TenantId));
        Assert.True(options.IsTenantAllowed(null));
    }

    [Fact]
    public void IsTenantAllowed_WithAList_AllowsOnlyListedTenants_IgnoringCase()
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", AllowedTenants = [TenantId] };

        Assert.True(options.IsTenantAllowed(TenantId.ToUpperInvariant()));
        Assert.False(options.IsTenantAllowed(AuthenticationScenario.OtherTenantId));
        Assert.False(options.IsTenantAllowed(null));
        Assert.False(options.IsTenantAllowed(""));
    }

    private static BotFrameworkOptions SingleTenant() => new()
    {
        MicrosoftAppType = MicrosoftAppType.SingleTenant,
        MicrosoftAppId = AppId,
        MicrosoftAppTenantId = TenantId,
        MicrosoftAppPassword = "secret",
    };

    private static BotFrameworkOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new BotFrameworkOptions();
        configuration.Bind(options);
        return options;
    }
}
