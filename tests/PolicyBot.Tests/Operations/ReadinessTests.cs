using System.Net;
using System.Text.Json;
using BotFramework;
using BotFramework.Connector.Authentication;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// <c>/readyz</c> tells the truth: storage read with the configured credential (Blob on a real Azurite of this
/// class's own, stopped and started again by its process id), content and matcher, token metadata outside local
/// mode; 503 names the check that failed. <c>/healthz</c> stays 200 while the process runs.
/// </summary>
[Trait("Category", "Host")]
public sealed class ReadinessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly string _container = $"ready-{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync()
    {
        if (!azurite.IsRunning) await azurite.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (!azurite.IsRunning) await azurite.StartAsync();
    }

    private BotHost BlobHost() => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:ContainerName"] = _container,
    });

    [Fact]
    public async Task Readyz_WithBlobStorage_Is503NamingStorage_WhileItIsDown_AndReadyWhenItIsBack()
    {
        await using var host = BlobHost();
        using var client = host.CreateClient();

        var ready = await ReadyzAsync(client);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Body.GetProperty("status").GetString());
        Assert.Empty(ready.Body.GetProperty("failed").EnumerateArray());
        Assert.Equal(["content", "storage", "token-metadata"], ready.Body.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());

        await azurite.StopAsync();
        var down = await ReadyzAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal(["storage"], down.Body.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
        Assert.StartsWith("The storage did not answer a read", down.Body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString());
        Assert.DoesNotContain("AccountKey", down.Text);
        // Liveness is not readiness: App Service must not restart an instance because its storage is down.
        using (var live = await client.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await azurite.StartAsync();
        var back = await ReadyzAsync(client);
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Empty(back.Body.GetProperty("failed").EnumerateArray());
    }

    [Fact]
    public async Task TheSelfTest_OnBlobStorage_NamesTheProvider_NotItsConnectionString()
    {
        const string manager = "00000000-0000-0000-0000-00000000d002";
        await using var connector = await FakeConnector.StartAsync();
        await using var host = new BotHost(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:ContainerName"] = _container,
            ["PolicyBot:Managers:0"] = manager,
        });
        var chat = new TeamsActivities(connector.ServiceUrl, "a:diagnostic-blob-0001");
        var ask = chat.Message("diagnostic");
        ask.From = new BotFramework.Schema.ChannelAccount(ask.From!.Id!, "Test Manager", manager);
        using (var response = await host.PostAsync(ask)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var card = CardReader.VisibleText(connector.Messages.Single());
        Assert.Matches(@"Storage: AzureBlob, write and read back work \(\d+ ms\)", card);
        foreach (var secret in new[] { azurite.ConnectionString.Split("AccountKey=")[1].Split(";")[0], "AccountKey", "devstoreaccount1", azurite.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _container })
        {
            Assert.DoesNotContain(secret, card);
        }
    }

    [Fact]
    public async Task Readyz_OutsideLocalMode_Is503NamingTokenMetadata_UntilTheSigningKeysCanBeFetched()
    {
        const string metadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
        var openId = new FakeOpenIdServer { FailWith = HttpStatusCode.ServiceUnavailable };
        openId.AddIssuer(metadataUrl, "https://api.botframework.com", [new TestSigningKey("bf-key-1", "msteams")]);
        await using var host = new BotHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ChannelOpenIdMetadataUrl"] = metadataUrl,
            ["AllowedTenants:0"] = TeamsActivities.TenantId,
        }, services => services.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.OpenIdMetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => openId));
        using var client = host.CreateClient();

        var down = await ReadyzAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal(["token-metadata"], down.Body.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));

        openId.FailWith = null;
        // After a failed fetch the cache waits a moment (2 s, doubling) before fetching again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        (HttpStatusCode Status, JsonElement Body, string Text) back;
        do
        {
            await Task.Delay(500);
            back = await ReadyzAsync(client);
        }
        while (back.Status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, back.Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> ReadyzAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
