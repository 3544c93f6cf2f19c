using BotFramework.Connector.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotFramework.Tests.Authentication;

/// <summary>
/// A bot configured against the in-process identity provider: a channel issuer whose key is endorsed
/// for <c>msteams</c> and <c>webchat</c>, and the bot's Entra tenant; plus helpers that mint tokens.
/// </summary>
public sealed class AuthenticationScenario
{
    public const string AppId = "6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11";
    public const string TenantId = "3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77";
    public const string OtherTenantId = "9d7e1c44-2b6a-4f0e-8c1d-5a3b2e6f7d88";
    public const string CallerAppId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string ChannelMetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string ChannelJwksUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string EntraMetadataUrlTemplate = "https://login.entra.test/{tenantId}/v2.0/.well-known/openid-configuration";
    public const string EntraMetadataUrl = "https://login.entra.test/" + TenantId + "/v2.0/.well-known/openid-configuration";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/" + TenantId + "/";
    public const string EntraV1Issuer = "https://sts.windows.net/" + TenantId + "/";
    public const string EntraV2Issuer = "https://login.microsoftonline.com/" + TenantId + "/v2.0";

    private static readonly JsonWebTokenHandler TokenHandler = new();
    private readonly Dictionary<string, OpenIdMetadataCache> _caches = new(StringComparer.Ordinal);
    private BotFrameworkAuthenticator? _authenticator;

    public AuthenticationScenario(MicrosoftAppType appType = MicrosoftAppType.MultiTenant, Action<BotFrameworkOptions>? configure = null)
    {
        Options = new BotFrameworkOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "not-a-real-secret",
            MicrosoftAppTenantId = appType == MicrosoftAppType.MultiTenant ? null : TenantId,
            MicrosoftAppType = appType,
            ChannelOpenIdMetadataUrl = ChannelMetadataUrl,
            EntraOpenIdMetadataUrlTemplate = EntraMetadataUrlTemplate,
        };
        if (appType == MicrosoftAppType.UserAssignedMSI) Options.MicrosoftAppPassword = null;
        configure?.Invoke(Options);

        Server.AddIssuer(ChannelMetadataUrl, AuthenticationConstants.ChannelTokenIssuer, ChannelKeys);
        Server.AddIssuer(EntraMetadataUrl, EntraV2Issuer, EntraKeys);
    }

    public BotFrameworkOptions Options { get; }

    public FakeOpenIdServer Server { get; } = new();

    public ManualClock Time { get; } = new(DateTimeOffset.UtcNow);

    public List<TestSigningKey> ChannelKeys { get; } = [new("bf-key-1", "msteams", "webchat")];

    public List<TestSigningKey> EntraKeys { get; } = [new("entra-key-1")];

    public BotFrameworkAuthenticator Authenticator => _authenticator ??= new BotFrameworkAuthenticator(Options, Cache);

    public int ChannelMetadataRequests => Server.RequestCount(ChannelMetadataUrl);

    public OpenIdMetadataCache Cache(string url)
    {
        if (!_caches.TryGetValue(url, out var cache))
        {
            cache = new OpenIdMetadataCache(url, Server.CreateClient(), Time);
            _caches[url] = cache;
        }

        return cache;
    }

    /// <summary>A token as Azure Bot Service sends it for Teams, valid now; <paramref name="change"/> spoils one aspect.</summary>
    public string ChannelToken(Action<SecurityTokenDescriptor>? change = null, TestSigningKey? key = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = AuthenticationConstants.ChannelTokenIssuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-5),
            NotBefore = now.AddMinutes(-5),
            Expires = now.AddMinutes(55),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = (key ?? ChannelKeys[0]).SigningCredentials(),
        };
        change?.Invoke(descriptor);
        return TokenHandler.CreateToken(descriptor);
    }

    /// <summary>A token issued by the bot's Entra tenant, as a v1 (<c>appid</c>) or v2 (<c>azp</c>) token.</summary>
    public string EntraToken(string issuer, string audience, Action<SecurityTokenDescriptor>? change = null, TestSigningKey? key = null)
    {
        var now = DateTime.UtcNow;
        var isV1 = issuer.StartsWith("https://sts.windows.net/", StringComparison.Ordinal);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-5),
            NotBefore = now.AddMinutes(-5),
            Expires = now.AddMinutes(55),
            Claims = new Dictionary<string, object>
            {
                ["tid"] = TenantId,
                ["ver"] = isV1 ? "1.0" : "2.0",
                [isV1 ? "appid" : "azp"] = CallerAppId,
            },
            SigningCredentials = (key ?? EntraKeys[0]).SigningCredentials(),
        };
        change?.Invoke(descriptor);
        return TokenHandler.CreateToken(descriptor);
    }

    public Task<AuthenticationResult> AuthenticateAsync(string token, string? channelId = "msteams", string? serviceUrl = ServiceUrl) =>
        Authenticator.AuthenticateAsync("Bearer " + token, channelId, serviceUrl, CancellationToken.None);

    public Task<AuthenticationResult> AuthenticateHeaderAsync(string? header) =>
        Authenticator.AuthenticateAsync(header, "msteams", ServiceUrl, CancellationToken.None);
}
