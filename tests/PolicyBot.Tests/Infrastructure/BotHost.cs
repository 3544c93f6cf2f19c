using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BotFramework.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The real web host (Program.cs) in process, configured like production with a few settings
/// overridden: storage in a temp folder unless told otherwise, no app id (local mode, in Development) unless given.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    /// <summary>
    /// The error that stops a host made by <paramref name="make"/> from starting. When the host fails to start,
    /// WebApplicationFactory can lose the race with its own clean-up and report that the host's services were disposed
    /// (<see cref="ObjectDisposedException"/> on <c>IServiceProvider</c>) instead of the error that stopped it; a fresh
    /// host is then started again, at most three times, so the test reads the real error. Any other outcome is returned
    /// (or, when the host starts, fails the test) as it is.
    /// </summary>
    public static Exception StartupError(Func<BotHost> make)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var host = make();
            var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
            if (attempt < 3 && error is ObjectDisposedException { ObjectName: "IServiceProvider" }) continue;
            return error;
        }
    }

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly string? _kestrelUrls;

    /// <param name="testDefaults">False to run with exactly <paramref name="settings"/> over appsettings.json, as deployed.</param>
    /// <param name="environment">
    /// The host's environment. By default Development when no app id is set (local mode, as <c>dotnet run</c> runs it),
    /// else Production (as deployed).
    /// </param>
    /// <param name="kestrelUrls">
    /// Listen for real on these addresses (Kestrel, e.g. <c>http://0.0.0.0:0</c>) instead of the in-memory test
    /// server; the client then connects to the first bound port on 127.0.0.1.
    /// </param>
    public BotHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, bool testDefaults = true,
        string? environment = null, string? kestrelUrls = null)
    {
        _kestrelUrls = kestrelUrls;
        if (kestrelUrls is not null) UseKestrel();
        var hasAppId = settings is not null && settings.TryGetValue("MicrosoftAppId", out var appId) && !string.IsNullOrEmpty(appId);
        Environment = environment ?? (hasAppId ? "Production" : "Development");
        _configureServices = configureServices;
        DataFolder = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        _settings = testDefaults
            ? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Storage:Provider"] = "File",
                ["Storage:Folder"] = DataFolder,
                ["Bot:TypingDelay"] = "00:00:30",
                ["Bot:ConnectorRetryDelay"] = "00:00:00.010",
            }
            : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DataFolder { get; }

    /// <summary>The environment the host runs in (Development or Production).</summary>
    public string Environment { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (_kestrelUrls is not null) builder.UseSetting(WebHostDefaults.ServerUrlsKey, _kestrelUrls);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        if (_configureServices is not null) builder.ConfigureTestServices(_configureServices);
    }

    /// <summary>Everything the host logged, to check that no message text is ever logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? bearerToken = null, CancellationToken cancellationToken = default) =>
        PostRawAsync(JsonSerializer.Serialize(activity, BotJson.Options), "application/json", bearerToken, cancellationToken);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType, string? bearerToken = null, CancellationToken cancellationToken = default)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>An HTTP client to the host: in memory, or over TCP to 127.0.0.1 when it listens with Kestrel.</summary>
    public HttpClient Client()
    {
        if (_kestrelUrls is null) return CreateClient();
        StartServer();
        var bound = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)).Port;
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    /// <summary>The addresses the host listens on (Kestrel only).</summary>
    public IReadOnlyCollection<string> Addresses
    {
        get
        {
            StartServer();
            return [.. Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        }
    }

    /// <summary>The state documents the host stored (file storage), for checking what was and wasn't saved.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(DataFolder) ? Directory.GetFiles(DataFolder, "*", SearchOption.AllDirectories) : [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
