namespace BotFramework.Connector.Authentication;

/// <summary>The fixed values of Bot Framework authentication in the public cloud.</summary>
public static class AuthenticationConstants
{
    /// <summary>Issuer of the tokens Azure Bot Service sends to the bot.</summary>
    public const string ChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>The scope of the tokens the bot sends to the Connector (their audience is <c>https://api.botframework.com</c>).</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The authority multi-tenant bots get their Connector token from.</summary>
    public const string MultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    /// <summary>The authority of a single-tenant bot, with <c>{0}</c> the tenant id.</summary>
    public const string TenantAuthorityTemplate = "https://login.microsoftonline.com/{0}";

    /// <summary>Entra v1 token issuer, with <c>{0}</c> the tenant id.</summary>
    public const string EntraV1IssuerTemplate = "https://sts.windows.net/{0}/";

    /// <summary>Entra v2 token issuer, with <c>{0}</c> the tenant id.</summary>
    public const string EntraV2IssuerTemplate = "https://login.microsoftonline.com/{0}/v2.0";

    /// <summary>The claim binding a channel token to the activity's <c>serviceUrl</c>.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    public const string TenantIdClaim = "tid";

    /// <summary>The caller's app id in Entra v1 tokens.</summary>
    public const string AppIdClaim = "appid";

    /// <summary>The caller's app id in Entra v2 tokens.</summary>
    public const string AuthorizedPartyClaim = "azp";

    /// <summary>The token format version of an Entra token: <c>1.0</c> (caller in <c>appid</c>) or <c>2.0</c> (caller in <c>azp</c>).</summary>
    public const string VersionClaim = "ver";

    /// <summary>Delegated permissions: present only in a token issued for a signed-in user.</summary>
    public const string ScopeClaim = "scp";

    /// <summary>Entra's optional token type claim: <c>app</c> or <c>user</c>.</summary>
    public const string IdentityTypeClaim = "idtyp";

    /// <summary>Signature algorithms accepted on inbound tokens.</summary>
    public static IReadOnlyList<string> AllowedSigningAlgorithms { get; } = ["RS256", "RS384", "RS512"];

    /// <summary>Tolerance for clocks that disagree when checking <c>nbf</c> and <c>exp</c>.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);
}
