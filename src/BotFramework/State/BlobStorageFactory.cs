namespace BotFramework.State;

/// <summary>Makes the Azure Blob <see cref="IStorage"/> the <c>Storage</c> section describes (registered by <c>AddBotFrameworkAzure</c>).</summary>
public delegate IStorage BlobStorageFactory(StorageOptions options, IServiceProvider services);
