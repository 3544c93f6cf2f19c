using System.Collections.Concurrent;

namespace BotFramework.Connector.Authentication;

/// <summary>One <see cref="OpenIdMetadataCache"/> per metadata URL for the whole application.</summary>
internal sealed class OpenIdMetadataCacheRegistry(Func<string, OpenIdMetadataCache> create)
{
    private readonly ConcurrentDictionary<string, Lazy<OpenIdMetadataCache>> _caches = new(StringComparer.OrdinalIgnoreCase);

    public OpenIdMetadataCache Get(string metadataUrl) =>
        _caches.GetOrAdd(metadataUrl, url => new Lazy<OpenIdMetadataCache>(() => create(url))).Value;
}
