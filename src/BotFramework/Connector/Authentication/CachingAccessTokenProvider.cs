namespace BotFramework.Connector.Authentication;

/// <summary>
/// Keeps the token from <c>inner</c> until <see cref="RefreshBeforeExpiry"/> before it expires. Concurrent
/// callers share one request for a new token; a failed request is not cached, the next caller retries.
/// </summary>
public sealed class CachingAccessTokenProvider : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<AccessToken>> _inner;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private AccessToken? _cached;
    private Task<AccessToken>? _pending;

    public CachingAccessTokenProvider(Func<CancellationToken, Task<AccessToken>> inner, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long before expiry a cached token is replaced.</summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        Task<AccessToken> pending;
        lock (_gate)
        {
            if (_cached is { } cached && _timeProvider.GetUtcNow() < cached.ExpiresOn - RefreshBeforeExpiry) return cached.Token;
            pending = _pending ??= AcquireAsync();
        }

        // The shared request is not cancelled by one caller giving up; each caller stops waiting on its own token.
        var token = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Token;
    }

    private async Task<AccessToken> AcquireAsync()
    {
        // Leave the caller's lock before calling out.
        await Task.Yield();
        try
        {
            var token = await _inner(CancellationToken.None).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token.Token)) throw new InvalidOperationException("The token provider returned an empty access token.");
            lock (_gate) _cached = token;
            return token;
        }
        finally
        {
            lock (_gate) _pending = null;
        }
    }
}
