using System.Text.RegularExpressions;

namespace BotFramework.State;

/// <summary>Where bot state is kept: configuration section <c>Storage</c>.</summary>
public sealed partial class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>File</c> (one process, the default) or <c>AzureBlob</c> (several instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.File;

    /// <summary>File: the folder for state files, relative to the content root.</summary>
    public string Folder { get; set; } = "data/state";

    /// <summary>AzureBlob: a storage account connection string (development, Azurite). Prefer <see cref="ServiceUri"/> in Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>AzureBlob: the account's blob endpoint, <c>https://account.blob.core.windows.net</c>, reached with a managed identity.</summary>
    public string? ServiceUri { get; set; }

    public string ContainerName { get; set; } = "policybot-state";

    /// <summary>AzureBlob with <see cref="ServiceUri"/>: the client id of a user-assigned managed identity (none: system-assigned or developer sign-in).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Days the storage itself keeps a deleted document restorable (Azure Blob soft delete; 0 for files). The
    /// bot deletes for good only what the storage forgets: this number lets it say so truthfully.
    /// </summary>
    public int DeletedRetentionDays { get; set; }

    /// <summary>What is wrong, each message naming the setting to fix; empty when valid. Secrets are never echoed.</summary>
    public IEnumerable<string> Validate()
    {
        if (DeletedRetentionDays is < 0 or > 365)
        {
            yield return $"Storage:DeletedRetentionDays '{DeletedRetentionDays}' must be between 0 and 365 (the storage account's blob soft-delete retention, 0 when there is none).";
        }

        if (!Enum.IsDefined(Provider))
        {
            yield return $"Storage:Provider '{Provider}' is not supported; set it to 'File' or 'AzureBlob'.";
            yield break;
        }

        if (Provider == StorageProvider.File)
        {
            if (string.IsNullOrWhiteSpace(Folder))
            {
                yield return "Storage:Folder is empty; set it to the folder for state files (default 'data/state').";
            }
            yield break;
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasServiceUri = !string.IsNullOrWhiteSpace(ServiceUri);
        if (!hasConnectionString && !hasServiceUri)
        {
            yield return "Storage:Provider is 'AzureBlob' but neither Storage:ServiceUri nor Storage:ConnectionString is set; "
                + "set Storage:ServiceUri to https://<account>.blob.core.windows.net (with a managed identity) or Storage:ConnectionString.";
        }
        else if (hasConnectionString && hasServiceUri)
        {
            yield return "Storage:ServiceUri and Storage:ConnectionString are both set; set only one of them.";
        }
        else if (hasServiceUri
            && (!Uri.TryCreate(ServiceUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return $"Storage:ServiceUri '{ServiceUri}' is not an absolute https URI; set it to the account's blob endpoint, such as https://<account>.blob.core.windows.net.";
        }
        else if (hasConnectionString && !StorageConnectionString.IsValid(ConnectionString))
        {
            yield return "Storage:ConnectionString is not a valid Azure Storage connection string; copy it from the storage account's Access keys, or use Storage:ServiceUri.";
        }

        if (!IsValidContainerName(ContainerName))
        {
            yield return $"Storage:ContainerName '{ContainerName}' is not a valid blob container name; use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.";
        }

        if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId) && !Guid.TryParse(ManagedIdentityClientId, out _))
        {
            yield return $"Storage:ManagedIdentityClientId '{ManagedIdentityClientId}' is not a GUID; set it to the client id of the user-assigned managed identity, or remove it.";
        }
    }

    internal static bool IsValidContainerName(string? name) => name is not null && ContainerNamePattern().IsMatch(name);

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();
}
