using BotFramework.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotFramework.Tests.State;

[Trait("Category", "Fast")]
public sealed class StorageOptionsTests
{
    private const string AzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    [Fact]
    public void Defaults_AreAValidFileStorage()
    {
        var options = new StorageOptions();

        Assert.Equal(StorageProvider.File, options.Provider);
        Assert.Equal("data/state", options.Folder);
        Assert.Equal("policybot-state", options.ContainerName);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void File_WithoutAFolder_AsksForStorageFolder()
    {
        var error = Assert.Single(new StorageOptions { Folder = " " }.Validate());

        Assert.Contains("Storage:Folder", error);
    }

    [Fact]
    public void AzureBlob_WithNeitherServiceUriNorConnectionString_SaysWhatToSet()
    {
        var error = Assert.Single(new StorageOptions { Provider = StorageProvider.AzureBlob }.Validate());

        Assert.Contains("Storage:ServiceUri", error);
        Assert.Contains("Storage:ConnectionString", error);
    }

    [Fact]
    public void AzureBlob_WithBothServiceUriAndConnectionString_AsksForOnlyOne()
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ServiceUri = "https://acct.blob.core.windows.net", ConnectionString = AzuriteConnectionString };

        Assert.Contains("only one", Assert.Single(options.Validate()));
    }

    [Theory]
    [InlineData("acct.blob.core.windows.net")]
    [InlineData("/relative")]
    [InlineData("ftp://acct.blob.core.windows.net")]
    public void AzureBlob_WithAServiceUriThatIsNotAnAbsoluteHttpsUri_IsRejected(string serviceUri)
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ServiceUri = serviceUri };

        Assert.Contains("Storage:ServiceUri", Assert.Single(options.Validate()));
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1")]
    public void AzureBlob_WithAServiceUri_IsValid(string serviceUri)
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ServiceUri = serviceUri, ManagedIdentityClientId = Guid.NewGuid().ToString() };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void AzureBlob_WithAMalformedConnectionString_IsRejected_WithoutEchoingIt()
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ConnectionString = "AccountKey=secret-value;nonsense" };

        var error = Assert.Single(options.Validate());

        Assert.Contains("Storage:ConnectionString", error);
        Assert.DoesNotContain("secret-value", error);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("PolicyBot")]
    [InlineData("policy--bot")]
    [InlineData("-policybot")]
    [InlineData("policybot-")]
    [InlineData("policy_bot")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void AzureBlob_WithAnInvalidContainerName_SaysTheRules(string containerName)
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ConnectionString = AzuriteConnectionString, ContainerName = containerName };

        var error = Assert.Single(options.Validate());

        Assert.Contains("Storage:ContainerName", error);
        Assert.Contains("3-63 lowercase letters", error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("policybot-state")]
    [InlineData("a1-b2-c3")]
    public void AzureBlob_WithAValidContainerName_IsValid(string containerName)
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ConnectionString = AzuriteConnectionString, ContainerName = containerName };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void ManagedIdentityClientId_ThatIsNotAGuid_IsRejected()
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureBlob, ServiceUri = "https://acct.blob.core.windows.net", ManagedIdentityClientId = "my-identity" };

        Assert.Contains("Storage:ManagedIdentityClientId", Assert.Single(options.Validate()));
    }

    [Fact]
    public void AddBotFrameworkStorage_WithoutConfiguration_RegistersFileStorage()
    {
        using var folder = new TempFolder();
        using var services = Build(new() { ["Storage:Folder"] = folder.Path });

        services.GetRequiredService<IStartupValidator>().Validate();
        var storage = Assert.IsType<FileStorage>(services.GetRequiredService<IStorage>());

        Assert.Equal(folder.Path, storage.Folder);
        Assert.Same(storage, services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void AddBotFrameworkStorage_WithABlobConnectionString_RegistersBlobStorage()
    {
        using var services = Build(new() { ["Storage:Provider"] = "AzureBlob", ["Storage:ConnectionString"] = AzuriteConnectionString });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<BlobStorage>(services.GetRequiredService<IStorage>());
    }

    [Fact]
    public void AddBotFrameworkStorage_WithAServiceUri_RegistersBlobStorageForThatAccount()
    {
        using var services = Build(new() { ["Storage:Provider"] = "AzureBlob", ["Storage:ServiceUri"] = "https://acct.blob.core.windows.net", ["Storage:ContainerName"] = "state" });

        services.GetRequiredService<IStartupValidator>().Validate();
        var storage = Assert.IsType<BlobStorage>(services.GetRequiredService<IStorage>());

        Assert.Equal(new Uri("https://acct.blob.core.windows.net/state"), storage.Container.Uri);
    }

    [Fact]
    public void AddBotFrameworkStorage_WithAzureBlobButNoAccount_FailsAtStartWithTheMessage()
    {
        using var services = Build(new() { ["Storage:Provider"] = "AzureBlob", ["Storage:ContainerName"] = "Bad_Name" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("Storage:ServiceUri"));
        Assert.Contains(error.Failures, f => f.Contains("Storage:ContainerName"));
    }

    [Fact]
    public void AddBotFrameworkStorage_WithAnUnknownProvider_FailsAtStartNamingTheSetting()
    {
        using var services = Build(new() { ["Storage:Provider"] = "Cosmos" });

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Provider", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddBotFrameworkStorage(configuration).AddBotFrameworkAzure().BuildServiceProvider();
    }
}
