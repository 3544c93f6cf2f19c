namespace BotFramework.State;

/// <summary>The kinds of <see cref="IStorage"/> that configuration can select.</summary>
public enum StorageProvider
{
    /// <summary><see cref="FileStorage"/>: files in a local folder, for one process.</summary>
    File,

    /// <summary><see cref="BlobStorage"/>: blobs in an Azure Storage container, for any number of instances.</summary>
    AzureBlob,
}
