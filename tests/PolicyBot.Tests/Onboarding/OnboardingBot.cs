using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Onboarding;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Onboarding;

/// <summary>
/// One "host" of the bot for conversation tests: services registered the way the web host does
/// (<c>AddBotFramework</c> + <c>AddPolicyBot</c>) with file storage in a folder, a clock the test moves,
/// and TestAdapters that run production's middleware. Two hosts on the same folder are a restart.
/// </summary>
internal sealed class OnboardingBot : IDisposable
{
    public const string ManagerAadId = "00000000-0000-0000-0000-0000000000aa";

    private readonly BotTestServices _services;

    public OnboardingBot(string dataFolder, ManualClock clock, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["PolicyBot:Managers:0"] = ManagerAadId };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        _services = new BotTestServices(values, dataFolder, services => services.AddSingleton<TimeProvider>(clock));
        Bot = _services.Bot;
    }

    public IBot Bot { get; }

    public IStorage Storage => _services.Storage;

    public OnboardingLessons Lessons => _services.Services.GetRequiredService<OnboardingLessons>();

    /// <summary>A personal chat with a staff member: her Teams id, display name and Entra object id.</summary>
    public TestAdapter Chat(Staff staff, string locale = "en-US", bool channel = false)
    {
        var conversation = channel ? TestAdapter.ChannelThread(staff.Key, staff.AadObjectId) : TestAdapter.PersonalChat(staff.Key, staff.AadObjectId);
        conversation.User = new ChannelAccount($"29:{staff.Key}", staff.Name, staff.AadObjectId);
        return _services.Adapter(conversation, locale);
    }

    public TestFlow Flow(TestAdapter adapter) => new(adapter, Bot);

    public void Dispose() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>A staff member in tests: obviously invented.</summary>
internal sealed record Staff(string Key, string Name, string AadObjectId)
{
    public static Staff Amelie { get; } = new("amelie", "Amélie Test", "00000000-0000-0000-0000-0000000000a1");
    public static Staff Beth { get; } = new("beth", "Beth Test", "00000000-0000-0000-0000-0000000000b2");
    public static Staff Manager { get; } = new("manon", "Manon Gestion", OnboardingBot.ManagerAadId);
}
