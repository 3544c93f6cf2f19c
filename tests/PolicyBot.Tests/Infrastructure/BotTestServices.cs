using BotFramework;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The bot as the web host builds it — AddBotFramework + AddPolicyBot, the same middleware and state —
/// with file storage in a temp folder, for conversation tests with <see cref="TestFlow"/>.
/// </summary>
public sealed class BotTestServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly bool _ownsFolder;

    /// <param name="folder">A storage folder to share (e.g. two "hosts" in turn, a restart); it is then not deleted on dispose.</param>
    public BotTestServices(IDictionary<string, string?>? settings = null, string? folder = null, Action<IServiceCollection>? configureServices = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "File",
            ["Storage:Folder"] = Folder,
            ["Bot:TypingDelay"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging(l => l.ClearProviders());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBotFramework(configuration);
        services.AddBotFrameworkAzure();
        services.AddPolicyBot(configuration);
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string Folder { get; }

    public IServiceProvider Services => _provider;

    public IBot Bot => _provider.GetRequiredService<IBot>();

    public IStorage Storage => _provider.GetRequiredService<IStorage>();

    /// <summary>A Teams-like personal chat (or another conversation) through the production middleware.</summary>
    public TestAdapter Adapter(ConversationReference? conversation = null, string locale = "en-US") =>
        new(conversation, _provider.GetServices<IMiddleware>()) { Locale = locale };

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_ownsFolder && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
