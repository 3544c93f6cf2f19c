namespace BotFramework;

/// <summary>
/// The bot's identity and how inbound requests are authenticated, bound from the root of configuration
/// with the Bot Framework SDK's key names (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, ...).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string DefaultChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrlTemplate = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's Entra application (client) id; for <see cref="MicrosoftAppType.UserAssignedMSI"/> the identity's client id.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>A client secret of the app registration; must be empty for a managed identity.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant (directory) id of the app registration; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>Tenants whose users may talk to the bot; empty means any tenant.</summary>
    public string[] AllowedTenants { get; set; } = [];


    /// <summary>Endorsements every channel token's signing key must carry, in addition to the activity's channel id.</summary>
    public string[] RequiredEndorsements { get; set; } = [];

    /// <summary>OpenID configuration of the Bot Framework channel service (tokens issued by <c>https://api.botframework.com</c>).</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = DefaultChannelOpenIdMetadataUrl;

    /// <summary>OpenID configuration of the bot's own Entra tenant; <c>{tenantId}</c> is replaced by <see cref="MicrosoftAppTenantId"/>.</summary>
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = DefaultEntraOpenIdMetadataUrlTemplate;

    /// <summary>No app id: the bot runs without an identity (local development only).</summary>
    public bool IsLocalMode => string.IsNullOrEmpty(MicrosoftAppId);

    /// <summary>Whether tokens issued by the bot's own Entra tenant are accepted (SingleTenant and UserAssignedMSI).</summary>
    public bool AcceptsEntraTokens =>
        MicrosoftAppType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI
        && !string.IsNullOrEmpty(MicrosoftAppTenantId);

    /// <summary>The Entra OpenID configuration URL for <see cref="MicrosoftAppTenantId"/>.</summary>
    public string EntraOpenIdMetadataUrl =>
        EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a conversation in <paramref name="tenantId"/> may use the bot, per <see cref="AllowedTenants"/>.</summary>
    public bool IsTenantAllowed(string? tenantId)
    {
        if (AllowedTenants.Length == 0) return true;
        if (string.IsNullOrWhiteSpace(tenantId)) return false;
        return AllowedTenants.Any(t => string.Equals(t?.Trim(), tenantId.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The misconfigurations, each saying what to set; empty when the options are usable.</summary>
    public IEnumerable<string> Validate()
    {
        var hasAppId = !string.IsNullOrWhiteSpace(MicrosoftAppId);
        var hasPassword = !string.IsNullOrEmpty(MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(MicrosoftAppTenantId);

        if (hasAppId && !Guid.TryParse(MicrosoftAppId, out _))
        {
            yield return $"MicrosoftAppId '{MicrosoftAppId}' is not a GUID. Set it to the application (client) ID of the bot's app registration or managed identity.";
        }

        switch (MicrosoftAppType)
        {
            case MicrosoftAppType.SingleTenant:
                if (!hasAppId) yield return "MicrosoftAppType is SingleTenant: set MicrosoftAppId to the application (client) ID of the bot's app registration.";
                if (!hasTenant) yield return "MicrosoftAppType is SingleTenant: set MicrosoftAppTenantId to the directory (tenant) ID of the bot's app registration.";
                if (!hasPassword) yield return "MicrosoftAppType is SingleTenant: set MicrosoftAppPassword to a client secret of the bot's app registration.";
                break;

            case MicrosoftAppType.UserAssignedMSI:
                if (!hasAppId) yield return "MicrosoftAppType is UserAssignedMSI: set MicrosoftAppId to the client ID of the user-assigned managed identity.";
                if (!hasTenant) yield return "MicrosoftAppType is UserAssignedMSI: set MicrosoftAppTenantId to the directory (tenant) ID of the managed identity.";
                if (hasPassword) yield return "MicrosoftAppType is UserAssignedMSI: remove MicrosoftAppPassword (a managed identity has no secret), or set MicrosoftAppType to SingleTenant.";
                break;

            default:
                if (hasAppId && !hasPassword)
                {
                    yield return "MicrosoftAppId is set but MicrosoftAppPassword is empty: set MicrosoftAppPassword to a client secret of the bot's app registration (MicrosoftAppType is MultiTenant).";
                }
                else if (!hasAppId && hasPassword)
                {
                    yield return "MicrosoftAppPassword is set but MicrosoftAppId is empty: set MicrosoftAppId to the application (client) ID of the bot's app registration.";
                }
                break;
        }

        if (hasTenant && MicrosoftAppType != MicrosoftAppType.MultiTenant && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            yield return $"MicrosoftAppTenantId '{MicrosoftAppTenantId}' is not a GUID. Set it to the directory (tenant) ID, as shown on the app registration's overview page.";
        }

        for (var i = 0; i < AllowedTenants.Length; i++)
        {
            if (!Guid.TryParse(AllowedTenants[i], out _))
            {
                yield return $"AllowedTenants:{i} '{AllowedTenants[i]}' is not a GUID. List tenant (directory) IDs, or leave AllowedTenants empty to allow any tenant.";
            }
        }

        if (!IsAbsoluteHttpUrl(ChannelOpenIdMetadataUrl))
        {
            yield return $"ChannelOpenIdMetadataUrl '{ChannelOpenIdMetadataUrl}' is not an absolute http(s) URL. Remove it to use {DefaultChannelOpenIdMetadataUrl}.";
        }

        if (!IsAbsoluteHttpUrl(EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", "common", StringComparison.OrdinalIgnoreCase))
            || !EntraOpenIdMetadataUrlTemplate.Contains("{tenantId}", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"EntraOpenIdMetadataUrlTemplate '{EntraOpenIdMetadataUrlTemplate}' must be an absolute http(s) URL containing {{tenantId}}. Remove it to use {DefaultEntraOpenIdMetadataUrlTemplate}.";
        }
    }

    private static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
