using System.Globalization;
using Microsoft.Identity.Client;

namespace BotFramework.Connector.Authentication;

/// <summary>
/// Gets Connector tokens with the client-credentials flow (app id + client secret) from the
/// <c>botframework.com</c> authority for MultiTenant bots, or the bot's own tenant for SingleTenant bots.
/// </summary>
public sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    private readonly IConfidentialClientApplication _application;
    private readonly CachingAccessTokenProvider _cache;
    private readonly string[] _scopes = [AuthenticationConstants.ConnectorScope];

    public MsalAccessTokenProvider(BotFrameworkOptions options, TimeProvider? timeProvider = null)
        : this(options, timeProvider, httpClientFactory: null)
    {
    }

    internal MsalAccessTokenProvider(BotFrameworkOptions options, TimeProvider? timeProvider, IMsalHttpClientFactory? httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.MicrosoftAppId, "MicrosoftAppId");
        ArgumentException.ThrowIfNullOrEmpty(options.MicrosoftAppPassword, "MicrosoftAppPassword");

        Authority = GetAuthority(options);
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(Authority);
        if (httpClientFactory is not null) builder = builder.WithHttpClientFactory(httpClientFactory).WithInstanceDiscovery(false);
        _application = builder.Build();
        _cache = new CachingAccessTokenProvider(AcquireTokenAsync, timeProvider);
    }

    /// <summary>Where tokens are requested.</summary>
    public string Authority { get; }

    public IReadOnlyList<string> Scopes => _scopes;

    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default) => _cache.GetAccessTokenAsync(cancellationToken);

    /// <summary>The authority for the app type: the bot's tenant when SingleTenant, else <c>botframework.com</c>.</summary>
    public static string GetAuthority(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MicrosoftAppType == MicrosoftAppType.SingleTenant && !string.IsNullOrEmpty(options.MicrosoftAppTenantId)
            ? string.Format(CultureInfo.InvariantCulture, AuthenticationConstants.TenantAuthorityTemplate, options.MicrosoftAppTenantId)
            : AuthenticationConstants.MultiTenantAuthority;
    }

    private async Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }
}
