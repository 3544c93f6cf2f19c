using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Tests.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotFramework.Tests.Hosting;

/// <summary>
/// The bot's web host as production wires it — <c>AddBotFramework(configuration)</c>, an <see cref="IBot"/>
/// and <c>MapBotFramework()</c> — on Kestrel at 127.0.0.1, with file storage in a temp folder.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _folder;

    private BotHost(WebApplication app, TempFolder folder, string storageFolder)
    {
        _app = app;
        _folder = folder;
        StorageFolder = storageFolder;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public HttpClient Client { get; }

    public string StorageFolder { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every file under the storage folder (none when the folder was never created).</summary>
    public IReadOnlyList<string> StoredFiles =>
        Directory.Exists(StorageFolder) ? Directory.GetFiles(StorageFolder, "*", SearchOption.AllDirectories) : [];

    /// <param name="settings">Configuration on top of file storage in a temp folder (local mode unless an app id is given).</param>
    /// <param name="configure">Runs after <c>AddBotFramework</c>, to replace services or configure named HttpClients.</param>
    /// <param name="environment">The host's environment; by default Development in local mode (as <c>dotnet run</c>), else Production.</param>
    public static async Task<BotHost> StartAsync(IBot bot, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? environment = null)
    {
        var folder = new TempFolder();
        var storageFolder = Path.Combine(folder.Path, "state");
        var localMode = settings is null || string.IsNullOrEmpty(settings.GetValueOrDefault("MicrosoftAppId"));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.CreateDirectory(folder.Path).FullName,
            EnvironmentName = environment ?? (localMode ? "Development" : "Production"),
        });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "File",
            ["Storage:Folder"] = storageFolder,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        builder.Services.AddRouting();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(bot);
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddBotFrameworkAzure();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapBotFramework();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            folder.Dispose();
            throw;
        }
        return new BotHost(app, folder, storageFolder);
    }

    /// <summary>POSTs <paramref name="body"/> to <c>/api/messages</c> as Azure Bot Service would.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? contentType = "application/json; charset=utf-8", string? token = null)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return SendAsync(content, token);
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token = null) => PostAsync(activity.ToJsonString(), token: token);

    public Task<HttpResponseMessage> SendAsync(HttpContent content, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
