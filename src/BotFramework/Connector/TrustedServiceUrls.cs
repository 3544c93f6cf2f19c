namespace BotFramework.Connector;

/// <summary>
/// Where the bot's Connector token may go: an <c>https</c> serviceUrl on a Teams / Bot Framework host, or on
/// a host listed in <c>Bot:AllowedServiceHosts</c>. A listed loopback host may use <c>http</c> (a Connector
/// stand-in on this machine); in local mode every loopback host may (the Agents Playground). Every outbound
/// call is checked before a token is fetched, and an inbound activity whose serviceUrl fails is refused.
/// </summary>
public sealed class TrustedServiceUrls
{
    /// <summary>
    /// The hosts Teams and Azure Bot Service use: Teams' Connector (<c>smba.trafficmanager.net</c>, and its
    /// government clouds under <c>teams.microsoft.com</c> / <c>teams.microsoft.us</c>) and Bot Framework's own.
    /// <c>*.</c> matches any subdomain.
    /// </summary>
    public static IReadOnlyList<string> DefaultHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.botframework.azure.us",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
    ];

    private readonly string[] _exact;
    private readonly string[] _suffixes;
    private readonly bool _anyLoopback;

    /// <param name="allowedHosts">Hosts trusted in addition to <see cref="DefaultHosts"/> (<c>host</c> or <c>*.domain</c>).</param>
    /// <param name="localMode">No app id: loopback serviceUrls are trusted, over http too.</param>
    public TrustedServiceUrls(IEnumerable<string>? allowedHosts = null, bool localMode = false)
    {
        var patterns = DefaultHosts.Concat((allowedHosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim().ToLowerInvariant())).ToList();
        _exact = patterns.Where(p => !p.StartsWith("*.", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        _suffixes = patterns.Where(p => p.StartsWith("*.", StringComparison.Ordinal)).Select(p => p[1..]).Distinct(StringComparer.Ordinal).ToArray();
        _anyLoopback = localMode;
    }

    /// <summary>Trusts only <see cref="DefaultHosts"/> over https.</summary>
    public static TrustedServiceUrls Default { get; } = new();

    public bool IsTrusted(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsTrusted(uri);

    public bool IsTrusted(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.UserInfo.Length > 0) return false;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        var loopback = Loopback.IsHost(host);
        if (loopback && _anyLoopback) return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;

        var listed = _exact.Contains(host, StringComparer.Ordinal) || _suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal) && host.Length > s.Length);
        if (!listed) return false;
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && loopback);
    }

    /// <summary>Throws <see cref="UntrustedServiceUrlException"/> unless <paramref name="serviceUrl"/> is trusted.</summary>
    public void EnsureTrusted(string serviceUrl)
    {
        if (!IsTrusted(serviceUrl)) throw new UntrustedServiceUrlException();
    }

    /// <summary>What is wrong with entries of <c>Bot:AllowedServiceHosts</c>, each message saying what to write.</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<string> hosts)
    {
        for (var i = 0; i < hosts.Count; i++)
        {
            var entry = hosts[i]?.Trim() ?? "";
            var name = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
            if (name.Length == 0 || Uri.CheckHostName(name) == UriHostNameType.Unknown || name.Contains('*'))
            {
                yield return $"Bot:AllowedServiceHosts:{i} '{hosts[i]}' is not a host name. List host names only (smba.example.net, or *.example.net for its subdomains; 127.0.0.1 for a test Connector on this machine), without scheme, port or path.";
            }
        }
    }
}

/// <summary>A serviceUrl is not on the allow-list, so nothing (and no token) was sent to it.</summary>
public sealed class UntrustedServiceUrlException()
    : InvalidOperationException("The serviceUrl is not a trusted Teams or Bot Framework host (see Bot:AllowedServiceHosts); nothing was sent.");
