using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace BotFramework.Connector.Authentication;

/// <summary>
/// The signing keys of one OpenID issuer: fetches the configuration document, then its <c>jwks_uri</c>,
/// keeping each key's Bot Framework <c>endorsements</c>. Serves the cached snapshot and refreshes it in
/// the background once it is older than <see cref="RefreshInterval"/>; a key id it does not know
/// triggers at most one forced refresh per <see cref="MinimumRefreshInterval"/>. Only one fetch runs at a time.
/// </summary>
public sealed class OpenIdMetadataCache
{
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    private OpenIdMetadata? _current;
    private Task<OpenIdMetadata?>? _refresh;
    private Exception? _lastError;
    private DateTimeOffset? _lastAttempt;
    private DateTimeOffset? _lastForcedRefresh;
    private TimeSpan _coldStartBackoff = TimeSpan.Zero;

    public OpenIdMetadataCache(string metadataUrl, HttpClient httpClient, TimeProvider? timeProvider = null, ILogger<OpenIdMetadataCache>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(metadataUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        MetadataUrl = new Uri(metadataUrl, UriKind.Absolute);
        _httpClient = httpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public Uri MetadataUrl { get; }

    /// <summary>How long a snapshot is served before a background refresh is started.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The least time between two forced refreshes (unknown key id), and between retries after a failed refresh.</summary>
    public TimeSpan MinimumRefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Before any keys were loaded, the pause after a failed fetch (doubled after each failure, up to <see cref="MinimumRefreshInterval"/>).</summary>
    public TimeSpan ColdStartRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The fetch in progress, if any (lets tests wait for a background refresh).</summary>
    internal Task PendingRefresh
    {
        get
        {
            lock (_gate) return _refresh ?? Task.CompletedTask;
        }
    }

    /// <summary>
    /// The current snapshot; fetches it if there is none yet (throwing <see cref="OpenIdMetadataException"/>
    /// if that fails), and starts a background refresh if it is stale.
    /// </summary>
    public async Task<OpenIdMetadata> GetMetadataAsync(CancellationToken cancellationToken = default)
    {
        OpenIdMetadata? current;
        Task<OpenIdMetadata?>? pending = null;
        TaskCompletionSource<OpenIdMetadata?>? started = null;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            current = _current;
            if (current is not null)
            {
                var stale = now - current.FetchedAt >= RefreshInterval;
                var mayRetry = _lastAttempt is not { } last || now - last >= MinimumRefreshInterval;
                if (stale && mayRetry && _refresh is null) BeginRefresh(now, out started);
            }
            else if (_refresh is { } running)
            {
                pending = running;
            }
            else if (_lastAttempt is { } failedAt && now - failedAt < _coldStartBackoff)
            {
                // No keys yet and the last fetch failed moments ago: fail fast instead of letting every
                // request start another fetch; the pause doubles up to MinimumRefreshInterval.
                throw new OpenIdMetadataException($"Could not load the OpenID metadata from {MetadataUrl}; not trying again before {failedAt + _coldStartBackoff:u}.", _lastError);
            }
            else
            {
                pending = BeginRefresh(now, out started);
            }
        }

        if (started is not null) _ = RunRefreshAsync(started);
        if (current is not null) return current;

        var metadata = await pending!.WaitAsync(cancellationToken).ConfigureAwait(false);
        return metadata ?? throw new OpenIdMetadataException($"Could not load the OpenID metadata from {MetadataUrl}.", _lastError);
    }

    /// <summary>
    /// A snapshot that contains <paramref name="keyId"/>: the current one, or one fetched by a forced
    /// refresh (at most one per <see cref="MinimumRefreshInterval"/>); null if the key is unknown.
    /// </summary>
    public async Task<OpenIdMetadata?> GetMetadataWithKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var metadata = await GetMetadataAsync(cancellationToken).ConfigureAwait(false);
        if (metadata.TryGetKey(keyId, out _)) return metadata;

        Task<OpenIdMetadata?> pending;
        TaskCompletionSource<OpenIdMetadata?>? started = null;
        lock (_gate)
        {
            if (_current is { } current && !ReferenceEquals(current, metadata) && current.TryGetKey(keyId, out _)) return current;

            if (_refresh is { } running)
            {
                pending = running;
            }
            else
            {
                var now = _timeProvider.GetUtcNow();
                if (_lastForcedRefresh is { } last && now - last < MinimumRefreshInterval)
                {
                    _logger.LogDebug("A token's signing key is not in {MetadataUrl}; not refreshing again before {NextRefresh}", MetadataUrl, last + MinimumRefreshInterval);
                    return null;
                }

                _lastForcedRefresh = now;
                // The key id comes from an unauthenticated token: it is not logged (the known ones are ours).
                _logger.LogInformation("A token's signing key is not in {MetadataUrl} (known: {KnownKeyIds}); refreshing the keys", MetadataUrl, string.Join(", ", metadata.KeyIds));
                pending = BeginRefresh(now, out started);
            }
        }

        if (started is not null) _ = RunRefreshAsync(started);
        var refreshed = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return refreshed is not null && refreshed.TryGetKey(keyId, out _) ? refreshed : null;
    }

    // Called under the lock: marks a fetch as running; the caller starts it after leaving the lock.
    private Task<OpenIdMetadata?> BeginRefresh(DateTimeOffset now, out TaskCompletionSource<OpenIdMetadata?> started)
    {
        _lastAttempt = now;
        started = new TaskCompletionSource<OpenIdMetadata?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _refresh = started.Task;
        return started.Task;
    }

    // Never throws: a failed fetch completes with null and keeps the previous snapshot.
    private async Task RunRefreshAsync(TaskCompletionSource<OpenIdMetadata?> completion)
    {
        OpenIdMetadata? fetched = null;
        try
        {
            fetched = await FetchAsync(CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Loaded {KeyCount} signing keys from {JwksUri}", fetched.Keys.Count, fetched.JwksUri);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not refresh the OpenID metadata from {MetadataUrl}; keeping the previous keys", MetadataUrl);
            lock (_gate) _lastError = ex;
        }
        finally
        {
            lock (_gate)
            {
                if (fetched is not null) _current = fetched;
                _coldStartBackoff = fetched is not null ? TimeSpan.Zero
                    : _coldStartBackoff == TimeSpan.Zero ? ColdStartRetryDelay
                    : TimeSpan.FromTicks(Math.Min(_coldStartBackoff.Ticks * 2, MinimumRefreshInterval.Ticks));
                _refresh = null;
            }

            completion.SetResult(fetched);
        }
    }

    private async Task<OpenIdMetadata> FetchAsync(CancellationToken cancellationToken)
    {
        Uri jwksUri;
        string? issuer;
        using (var configuration = await GetJsonAsync(MetadataUrl, cancellationToken).ConfigureAwait(false))
        {
            var root = configuration.RootElement;
            var jwks = GetString(root, "jwks_uri");
            if (!Uri.TryCreate(jwks, UriKind.Absolute, out jwksUri!) || !Loopback.IsHttpsOrLocalHttp(jwksUri))
            {
                throw new OpenIdMetadataException($"The OpenID configuration at {MetadataUrl} has no valid jwks_uri (an https URL).");
            }

            issuer = GetString(root, "issuer");
        }

        using var keySet = await GetJsonAsync(jwksUri, cancellationToken).ConfigureAwait(false);
        var keys = ParseKeys(keySet.RootElement);
        if (keys.Count == 0) throw new OpenIdMetadataException($"The key set at {jwksUri} has no usable signing keys.");
        return new OpenIdMetadata(issuer, jwksUri, keys, _timeProvider.GetUtcNow());
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await _httpClient.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new OpenIdMetadataException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new OpenIdMetadataException($"GET {uri} did not answer a JSON object.");
            }

            return document;
        }
    }

    private List<OpenIdSigningKey> ParseKeys(JsonElement keySet)
    {
        var keys = new List<OpenIdSigningKey>();
        if (!keySet.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array) return keys;

        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object) continue;
            var keyId = GetString(element, "kid");
            var use = GetString(element, "use");
            if (string.IsNullOrEmpty(keyId) || (use is not null && use != "sig")) continue;

            JsonWebKey key;
            try
            {
                key = JsonWebKey.Create(element.GetRawText());
            }
            catch (ArgumentException ex)
            {
                _logger.LogWarning(ex, "Skipping signing key {KeyId} from {MetadataUrl}: it could not be read", keyId, MetadataUrl);
                continue;
            }

            keys.Add(new OpenIdSigningKey(key, GetEndorsements(element)));
        }

        return keys;
    }

    private static List<string>? GetEndorsements(JsonElement key)
    {
        if (!key.TryGetProperty("endorsements", out var array) || array.ValueKind != JsonValueKind.Array) return null;
        return array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!)
            .ToList();
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
