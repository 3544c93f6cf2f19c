using System.Diagnostics.CodeAnalysis;

namespace BotFramework.Connector.Authentication;

/// <summary>One fetched snapshot of an OpenID configuration and its signing keys; immutable.</summary>
public sealed class OpenIdMetadata
{
    private readonly Dictionary<string, OpenIdSigningKey> _keys;

    public OpenIdMetadata(string? issuer, Uri jwksUri, IEnumerable<OpenIdSigningKey> keys, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        ArgumentNullException.ThrowIfNull(keys);
        Issuer = issuer;
        JwksUri = jwksUri;
        FetchedAt = fetchedAt;
        _keys = new Dictionary<string, OpenIdSigningKey>(StringComparer.Ordinal);
        foreach (var key in keys) _keys.TryAdd(key.KeyId, key);
    }

    /// <summary>The <c>issuer</c> the configuration document declares.</summary>
    public string? Issuer { get; }

    public Uri JwksUri { get; }

    public DateTimeOffset FetchedAt { get; }

    public IReadOnlyCollection<OpenIdSigningKey> Keys => _keys.Values;

    public IEnumerable<string> KeyIds => _keys.Keys;

    public bool TryGetKey(string keyId, [NotNullWhen(true)] out OpenIdSigningKey? key) => _keys.TryGetValue(keyId, out key);
}
