using Azure.Core;
using Azure.Identity;

namespace BotFramework.Connector.Authentication;

/// <summary>Gets Connector tokens as the bot's user-assigned managed identity (no secret; the app id is its client id).</summary>
public sealed class ManagedIdentityAccessTokenProvider : IAccessTokenProvider
{
    private readonly TokenCredential _credential;
    private readonly CachingAccessTokenProvider _cache;
    private readonly TokenRequestContext _request = new([AuthenticationConstants.ConnectorScope]);

    public ManagedIdentityAccessTokenProvider(BotFrameworkOptions options, TimeProvider? timeProvider = null)
        : this(CreateCredential(options), timeProvider)
    {
    }

    /// <summary>Uses <paramref name="credential"/> instead of the managed identity (tests, other Azure credentials).</summary>
    public ManagedIdentityAccessTokenProvider(TokenCredential credential, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _cache = new CachingAccessTokenProvider(AcquireTokenAsync, timeProvider);
    }

    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default) => _cache.GetAccessTokenAsync(cancellationToken);

    private static ManagedIdentityCredential CreateCredential(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.MicrosoftAppId, "MicrosoftAppId");
        return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId));
    }

    private async Task<AccessToken> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.GetTokenAsync(_request, cancellationToken).ConfigureAwait(false);
        return new AccessToken(token.Token, token.ExpiresOn);
    }
}
