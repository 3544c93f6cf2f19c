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

    /// <summary>
    /// Tenants whose users may talk to the bot. Empty means <see cref="MicrosoftAppTenantId"/>; with an app id,
    /// at least one tenant must be allowed. Local mode (no app id) allows any and refuses this setting.
    /// </summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>Channels whose activities reach the bot (others get 403); empty means <c>msteams</c> only.</summary>
    public string[] AllowedChannels { get; set; } = [];

    /// <summary>Endorsements every channel token's signing key must carry, in addition to the activity's channel id.</summary>
    public string[] RequiredEndorsements { get; set; } = [];

    /// <summary>OpenID configuration of the Bot Framework channel service (tokens issued by <c>https://api.botframework.com</c>).</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = DefaultChannelOpenIdMetadataUrl;

    /// <summary>OpenID configuration of the bot's own Entra tenant; <c>{tenantId}</c> is replaced by <see cref="MicrosoftAppTenantId"/>.</summary>
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = DefaultEntraOpenIdMetadataUrlTemplate;

    /// <summary>No app id: the bot runs without an identity (local development only).</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Whether tokens issued by the bot's own Entra tenant are accepted (SingleTenant and UserAssignedMSI).</summary>
    public bool AcceptsEntraTokens =>
        MicrosoftAppType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI
        && !string.IsNullOrEmpty(MicrosoftAppTenantId);

    /// <summary>The Entra OpenID configuration URL for <see cref="MicrosoftAppTenantId"/>.</summary>
    public string EntraOpenIdMetadataUrl =>
        EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenants that get in: <see cref="AllowedTenants"/>, else the app's own tenant; empty (any) only in local mode.</summary>
    public IReadOnlyList<string> EffectiveAllowedTenants =>
        AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray() is { Length: > 0 } listed
            ? listed
            : string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? [] : [MicrosoftAppTenantId.Trim()];

    /// <summary>The channels that get in: <see cref="AllowedChannels"/>, else <c>msteams</c>.</summary>
    public IReadOnlyList<string> EffectiveAllowedChannels =>
        AllowedChannels.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToArray() is { Length: > 0 } listed
            ? listed
            : [Schema.Channels.MsTeams];

    /// <summary>
    /// Whether a conversation in <paramref name="tenantId"/> may use the bot, per <see cref="EffectiveAllowedTenants"/>.
    /// In local mode (no app id, nothing to compare with) every tenant may.
    /// </summary>
    public bool IsTenantAllowed(string? tenantId)
    {
        var allowed = EffectiveAllowedTenants;
        if (allowed.Count == 0) return IsLocalMode;
        if (string.IsNullOrWhiteSpace(tenantId)) return false;
        return allowed.Any(t => string.Equals(t, tenantId.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether activities of <paramref name="channelId"/> may reach the bot (exact, case-sensitive: Bot Framework channel ids are lower case).</summary>
    public bool IsChannelAllowed(string? channelId) =>
        !string.IsNullOrEmpty(channelId) && EffectiveAllowedChannels.Contains(channelId, StringComparer.Ordinal);

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
                yield return $"AllowedTenants:{i} '{AllowedTenants[i]}' is not a GUID. List tenant (directory) IDs.";
            }
        }

        if (hasAppId && EffectiveAllowedTenants.Count == 0)
        {
            yield return "MicrosoftAppId is set but no tenant is allowed to use the bot: set AllowedTenants:0 (environment variable AllowedTenants__0) to your organisation's tenant (directory) ID, or set MicrosoftAppTenantId.";
        }

        // Local mode accepts requests without a token; settings that only make sense behind Azure Bot Service
        // mean the app id went missing from a real deployment, which must not start unauthenticated.
        if (!hasAppId && hasTenant && MicrosoftAppType == MicrosoftAppType.MultiTenant)
        {
            yield return "MicrosoftAppTenantId is set but MicrosoftAppId is empty, which would run the bot without authentication (local mode). Set MicrosoftAppId to the bot's app (client) ID, or remove MicrosoftAppTenantId to run locally.";
        }
        if (!hasAppId && AllowedTenants.Length > 0)
        {
            yield return "AllowedTenants is set but MicrosoftAppId is empty, which would run the bot without authentication (local mode). Set MicrosoftAppId to the bot's app (client) ID, or remove AllowedTenants to run locally.";
        }

        for (var i = 0; i < AllowedChannels.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(AllowedChannels[i]) || AllowedChannels[i].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                yield return $"AllowedChannels:{i} '{AllowedChannels[i]}' is not a channel id. List Bot Framework channel ids such as msteams, or remove AllowedChannels to allow Teams only.";
            }
        }

        if (!IsTrustedMetadataUrl(ChannelOpenIdMetadataUrl))
        {
            yield return $"ChannelOpenIdMetadataUrl '{ChannelOpenIdMetadataUrl}' is not an absolute https URL (http is allowed only for a server on this machine). Remove it to use {DefaultChannelOpenIdMetadataUrl}.";
        }

        if (!IsTrustedMetadataUrl(EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", "common", StringComparison.OrdinalIgnoreCase))
            || !EntraOpenIdMetadataUrlTemplate.Contains("{tenantId}", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"EntraOpenIdMetadataUrlTemplate '{EntraOpenIdMetadataUrlTemplate}' must be an absolute https URL containing {{tenantId}} (http is allowed only for a server on this machine). Remove it to use {DefaultEntraOpenIdMetadataUrlTemplate}.";
        }
    }

    // Signing keys fetched over plain http could be swapped by anyone on the path.
    private static bool IsTrustedMetadataUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && Loopback.IsHttpsOrLocalHttp(uri);
}
