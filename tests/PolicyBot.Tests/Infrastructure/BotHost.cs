using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BotFramework.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The real web host (Program.cs) in process, configured like production with a few settings
/// overridden: storage in a temp folder unless told otherwise, no app id (local mode) unless given.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="testDefaults">False to run with exactly <paramref name="settings"/> over appsettings.json, as deployed.</param>
    public BotHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, bool testDefaults = true)
    {
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        if (_configureServices is not null) builder.ConfigureTestServices(_configureServices);
    }

    /// <summary>Everything the host logged, to check that no message text is ever logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? bearerToken = null) =>
        PostRawAsync(JsonSerializer.Serialize(activity, BotJson.Options), "application/json", bearerToken);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType, string? bearerToken = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await client.SendAsync(request);
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
