using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotFramework.Connector.Authentication;

/// <summary>
/// Validates the bearer token on requests from Azure Bot Service. Two kinds of token are accepted:
/// channel tokens issued by <c>https://api.botframework.com</c> (audience = the app id, signing key endorsed
/// for the activity's channel, <c>serviceurl</c> claim = the activity's serviceUrl), and — for SingleTenant
/// and UserAssignedMSI bots — app-only Entra tokens issued by the bot's own tenant (audience = the app id,
/// <c>api://</c>app id or <c>api://botid-</c>app id; delegated user tokens refused). Any other issuer is
/// rejected before signature work. An Entra token proves only that some application of the tenant called:
/// the host then checks the caller (<c>Bot:AllowedCallers</c>) and the serviceUrl (<see cref="TrustedServiceUrls"/>),
/// and a bot asks Teams who the sender is before anything privileged.
/// </summary>
public sealed class BotFrameworkAuthenticator : IBotFrameworkAuthenticator
{
    private const string BearerScheme = "Bearer";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly bool _isLocalMode;
    private readonly string? _tenantId;
    private readonly string[] _requiredEndorsements;
    private readonly TokenKind _channel;
    private readonly TokenKind? _entra;

    public BotFrameworkAuthenticator(BotFrameworkOptions options, Func<string, OpenIdMetadataCache> metadataCacheFor)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadataCacheFor);
        _isLocalMode = options.IsLocalMode;
        _requiredEndorsements = options.RequiredEndorsements.Where(e => !string.IsNullOrEmpty(e)).ToArray();

        var appId = options.MicrosoftAppId ?? string.Empty;
        _channel = new TokenKind(
            isEntra: false,
            metadataCacheFor(options.ChannelOpenIdMetadataUrl),
            issuers: [AuthenticationConstants.ChannelTokenIssuer],
            audiences: [appId]);

        if (options.AcceptsEntraTokens && !_isLocalMode)
        {
            _tenantId = options.MicrosoftAppTenantId!;
            string[] tenantForms = Guid.TryParse(_tenantId, out var tenantGuid)
                ? [_tenantId, tenantGuid.ToString("D")]
                : [_tenantId];
            _entra = new TokenKind(
                isEntra: true,
                metadataCacheFor(options.EntraOpenIdMetadataUrl),
                issuers: tenantForms
                    .SelectMany(t => new[] { Format(AuthenticationConstants.EntraV1IssuerTemplate, t), Format(AuthenticationConstants.EntraV2IssuerTemplate, t) })
                    .Distinct(StringComparer.Ordinal)
                    .ToArray(),
                audiences: [appId, $"api://{appId}", $"api://botid-{appId}"]);
        }
    }

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            if (!_isLocalMode) return AuthenticationResult.Failure("Missing Authorization header");
            // Local mode (no MicrosoftAppId), as design.md's wire contract defines it: the host warns at start.
            return AuthenticationResult.Anonymous();
        }

        if (_isLocalMode) return AuthenticationResult.Failure("A token was sent but no MicrosoftAppId is configured to validate it");

        var token = GetBearerToken(authorizationHeader);
        if (token is null) return AuthenticationResult.Failure("Authorization header is not 'Bearer <token>'");

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Failure("Malformed token");
        }

        var kind = Classify(jwt);
        if (kind is null) return AuthenticationResult.Failure("Untrusted token issuer");
        if (!AuthenticationConstants.AllowedSigningAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return AuthenticationResult.Failure("Signing algorithm not allowed");
        }

        if (string.IsNullOrEmpty(jwt.Kid)) return AuthenticationResult.Failure("Token has no key id (kid)");

        OpenIdMetadata? metadata;
        try
        {
            metadata = await kind.Cache.GetMetadataWithKeyAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenIdMetadataException)
        {
            return AuthenticationResult.Failure("Signing keys are unavailable");
        }

        if (metadata is null || !metadata.TryGetKey(jwt.Kid, out var signingKey))
        {
            return AuthenticationResult.Failure("Unknown signing key");
        }

        var validation = await _handler.ValidateTokenAsync(jwt, kind.GetParameters(metadata)).ConfigureAwait(false);
        if (!validation.IsValid) return AuthenticationResult.Failure(Describe(validation.Exception));

        var identity = validation.ClaimsIdentity;
        if (!kind.IsEntra)
        {
            var failure = CheckChannelToken(identity, signingKey, channelId, serviceUrl);
            return failure is null ? AuthenticationResult.ChannelToken() : AuthenticationResult.Failure(failure);
        }

        var (caller, problem) = CheckEntraToken(identity, serviceUrl);
        // With no problem, the caller is always named (CheckEntraToken refuses a token that names none).
        return problem is null ? AuthenticationResult.EntraToken(caller!) : AuthenticationResult.Failure(problem);
    }

    private static string? GetBearerToken(string header)
    {
        var parts = header.Split(' ');
        return parts.Length == 2 && parts[0] == BearerScheme && parts[1].Length > 0 ? parts[1] : null;
    }

    // Peeks at the unvalidated issuer only to choose which keys and rules apply.
    private TokenKind? Classify(JsonWebToken jwt)
    {
        if (_channel.Issuers.Contains(jwt.Issuer, StringComparer.Ordinal)) return _channel;
        if (_entra is not null && _entra.Issuers.Contains(jwt.Issuer, StringComparer.Ordinal)) return _entra;
        return null;
    }

    private string? CheckChannelToken(ClaimsIdentity identity, OpenIdSigningKey signingKey, string? channelId, string? serviceUrl)
    {
        if (!signingKey.HasEndorsements) return "Could not validate endorsement key";
        if (!string.IsNullOrEmpty(channelId) && !signingKey.IsEndorsedFor(channelId)) return "Signing key is not endorsed for the activity's channel";
        if (_requiredEndorsements.Any(e => !signingKey.IsEndorsedFor(e))) return "Signing key lacks a required endorsement";

        var claim = identity.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(claim)) return "Missing serviceurl claim";
        if (!string.Equals(TrimSlash(claim), TrimSlash(serviceUrl), StringComparison.OrdinalIgnoreCase)) return "serviceurl claim mismatch";
        return null;
    }

    /// <summary>
    /// An Entra token must be app-only (a channel never sends a user's token): no <c>scp</c>, no
    /// <c>idtyp=user</c>, a <c>ver</c>, and the caller it names (<c>appid</c> in v1, <c>azp</c> in v2).
    /// Whether that caller may come in is the host's decision (<c>Bot:AllowedCallers</c>).
    /// </summary>
    private (string? Caller, string? Problem) CheckEntraToken(ClaimsIdentity identity, string? serviceUrl)
    {
        var tenant = identity.FindFirst(AuthenticationConstants.TenantIdClaim)?.Value;
        if (tenant is not null && !string.Equals(tenant, _tenantId, StringComparison.OrdinalIgnoreCase)) return (null, "Token tenant does not match MicrosoftAppTenantId");
        if (identity.FindFirst(AuthenticationConstants.ScopeClaim) is not null) return (null, "Delegated (user) tokens are not accepted");
        if (string.Equals(identity.FindFirst(AuthenticationConstants.IdentityTypeClaim)?.Value, "user", StringComparison.OrdinalIgnoreCase)) return (null, "Delegated (user) tokens are not accepted");

        var version = identity.FindFirst(AuthenticationConstants.VersionClaim)?.Value;
        if (version is null) return (null, "Token has no version (ver)");
        var caller = version switch
        {
            "1.0" => identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value,
            "2.0" => identity.FindFirst(AuthenticationConstants.AuthorizedPartyClaim)?.Value,
            _ => null,
        };
        if (string.IsNullOrEmpty(caller)) return (null, "Token names no calling application (appid or azp for its version)");

        var claimedServiceUrl = identity.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value;
        if (claimedServiceUrl is not null && !string.Equals(TrimSlash(claimedServiceUrl), TrimSlash(serviceUrl), StringComparison.OrdinalIgnoreCase)) return (null, "serviceurl claim mismatch");
        return (caller, null);
    }

    private static string? TrimSlash(string? url) => url?.TrimEnd('/');

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "Token expired",
        SecurityTokenNotYetValidException => "Token not yet valid",
        SecurityTokenNoExpirationException => "Token has no expiry",
        SecurityTokenInvalidLifetimeException => "Invalid token lifetime",
        SecurityTokenInvalidAudienceException => "Invalid audience",
        SecurityTokenInvalidIssuerException => "Invalid issuer",
        SecurityTokenInvalidAlgorithmException => "Signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "Unknown signing key",
        SecurityTokenInvalidSignatureException => "Invalid signature",
        null => "Invalid token",
        _ => $"Invalid token ({exception.GetType().Name})",
    };

    private static string Format(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);

    // One family of tokens: where its keys come from and the rules its claims must meet.
    private sealed class TokenKind(bool isEntra, OpenIdMetadataCache cache, string[] issuers, string[] audiences)
    {
        private Cached? _cached;

        public bool IsEntra { get; } = isEntra;

        public OpenIdMetadataCache Cache { get; } = cache;

        public string[] Issuers { get; } = issuers;

        // Built once per key snapshot, so the hot path allocates no parameters.
        public TokenValidationParameters GetParameters(OpenIdMetadata metadata)
        {
            var cached = _cached;
            if (cached is not null && ReferenceEquals(cached.Metadata, metadata)) return cached.Parameters;

            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuers = Issuers,
                ValidateAudience = true,
                RequireAudience = true,
                ValidAudiences = audiences,
                IgnoreTrailingSlashWhenValidatingAudience = false,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = AuthenticationConstants.ClockSkew,
                RequireSignedTokens = true,
                ValidAlgorithms = AuthenticationConstants.AllowedSigningAlgorithms,
                IssuerSigningKeys = metadata.Keys.Select(k => k.Key).ToArray(),
                TryAllIssuerSigningKeys = false,
                AuthenticationType = BearerScheme,
            };
            _cached = new Cached(metadata, parameters);
            return parameters;
        }

        private sealed record Cached(OpenIdMetadata Metadata, TokenValidationParameters Parameters);
    }
}
