using BotFramework;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>
/// One "host" of the bot for conversation tests: services registered the way the web host does
/// (<c>AddBotFramework</c> + <c>AddPolicyBot</c>) with file storage in a folder, a clock the test moves,
/// and TestAdapters that run production's middleware. Two hosts on the same folder are a restart.
/// </summary>
internal sealed class OnboardingBot : IDisposable
{
    public const string ManagerAadId = "00000000-0000-0000-0000-0000000000aa";

    private readonly ServiceProvider _services;

    public OnboardingBot(string dataFolder, FakeClock clock, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "File",
            ["Storage:Folder"] = dataFolder,
            ["Bot:TypingDelay"] = "00:01:00",
            ["PolicyBot:Managers:0"] = ManagerAadId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton<TimeProvider>(clock);
        services.AddBotFramework(configuration);
        services.AddPolicyBot(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Bot = _services.GetRequiredService<IBot>();
    }

    public IBot Bot { get; }

    public IStorage Storage => _services.GetRequiredService<IStorage>();

    public OnboardingLessons Lessons => _services.GetRequiredService<OnboardingLessons>();

    /// <summary>A personal chat with a staff member: her Teams id, display name and Entra object id.</summary>
    public TestAdapter Chat(Staff staff, string locale = "en-US", bool channel = false)
    {
        var conversation = channel ? TestAdapter.ChannelThread(staff.Key, staff.AadObjectId) : TestAdapter.PersonalChat(staff.Key, staff.AadObjectId);
        conversation.User = new ChannelAccount($"29:{staff.Key}", staff.Name, staff.AadObjectId);
        IMiddleware[] middleware = [new UniqueActivityIds(), .. _services.GetServices<IMiddleware>()];
        return new TestAdapter(conversation, middleware) { Locale = locale };
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot);

    public void Dispose() => _services.Dispose();

    /// <summary>
    /// TestAdapter numbers activity ids from 1 in every adapter, while Teams' ids are unique; without this
    /// a second adapter on the same conversation would look like re-deliveries to the de-duplication.
    /// </summary>
    private sealed class UniqueActivityIds : IMiddleware
    {
        private readonly string _prefix = Guid.NewGuid().ToString("N")[..8] + "-";

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            var activity = turnContext.Activity;
            if (activity.Id is { } id && !id.StartsWith(_prefix, StringComparison.Ordinal)) activity.Id = _prefix + id;
            return next(cancellationToken);
        }
    }
}

/// <summary>A staff member in tests: obviously invented.</summary>
internal sealed record Staff(string Key, string Name, string AadObjectId)
{
    public static Staff Amelie { get; } = new("amelie", "Amélie Test", "00000000-0000-0000-0000-0000000000a1");
    public static Staff Beth { get; } = new("beth", "Beth Test", "00000000-0000-0000-0000-0000000000b2");
    public static Staff Manager { get; } = new("manon", "Manon Gestion", OnboardingBot.ManagerAadId);
}

/// <summary>A clock that moves only when the test says so.</summary>
internal sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A folder under the temp directory, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policybot-onboarding-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
