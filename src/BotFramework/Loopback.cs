using System.Net;

namespace BotFramework;

/// <summary>What counts as "this machine": <c>localhost</c>, 127.0.0.0/8 and ::1 (IPv4-mapped forms included).</summary>
public static class Loopback
{
    public static bool IsHost(string? host)
    {
        if (string.IsNullOrEmpty(host)) return false;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsAddress(address);
    }

    public static bool IsAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address);
    }

    /// <summary>An absolute <c>https</c> URL, or <c>http</c> to a loopback host (a test server on this machine).</summary>
    public static bool IsHttpsOrLocalHttp(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsHost(uri.Host)));
    }
}
