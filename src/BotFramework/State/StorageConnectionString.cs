namespace BotFramework.State;

/// <summary>
/// Reads an Azure Storage connection string (<c>Name=value;…</c>) far enough to check it and to know its blob
/// endpoint, without the Azure SDK: the development storage shortcut, an account name and key, or an explicit
/// <c>BlobEndpoint</c> with a key or a shared access signature.
/// </summary>
public static class StorageConnectionString
{
    private static readonly Uri DevelopmentBlobEndpoint = new("http://127.0.0.1:10000/devstoreaccount1");

    /// <summary>The blob endpoint the connection string names; null when it is not a storage connection string.</summary>
    public static Uri? BlobEndpoint(string? connectionString)
    {
        if (!TryParse(connectionString, out var settings)) return null;
        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return string.Equals(development, "true", StringComparison.OrdinalIgnoreCase) && settings.Count == 1 ? DevelopmentBlobEndpoint : null;
        }
        var hasKey = settings.ContainsKey("AccountName") && settings.ContainsKey("AccountKey");
        if (settings.TryGetValue("BlobEndpoint", out var endpoint))
        {
            return (hasKey || settings.ContainsKey("SharedAccessSignature")) && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri : null;
        }
        if (!hasKey) return null;
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return protocol is "http" or "https" && Uri.TryCreate($"{protocol}://{settings["AccountName"]}.blob.{suffix}", UriKind.Absolute, out var account) ? account : null;
    }

    public static bool IsValid(string? connectionString) => BlobEndpoint(connectionString) is not null;

    /// <summary>Every segment must be <c>Name=value</c> with a name and a value; a name given twice is not accepted.</summary>
    private static bool TryParse(string? connectionString, out Dictionary<string, string> settings)
    {
        settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0 || equals == segment.Length - 1) return false;
            if (!settings.TryAdd(segment[..equals].Trim(), segment[(equals + 1)..].Trim())) return false;
        }
        return settings.Count > 0;
    }
}
