using BotFramework.Schema;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Reach;
using PolicyBot.Reminders;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Reminders;

/// <summary>
/// The real web host with a fake Connector and a <see cref="ManualClock"/>, and a staff member's personal chat.
/// The reminder timer is left out: each test runs a pass when it wants one (<see cref="PassAsync"/>), so nothing
/// runs behind its back when the clock moves.
/// </summary>
internal sealed class ReminderScenario : IAsyncDisposable
{
    public const string StaffId = "29:staff-reminded";
    public const string StaffAad = "00000000-0000-0000-0000-00000000c0a1";
    public const string ChatId = "a:staff-reminded-chat";

    /// <summary>Tuesday 6 October 2026, 10:00 in Toronto (UTC−4): a working hour of a working day.</summary>
    public static readonly DateTimeOffset TuesdayTenAm = new(2026, 10, 6, 14, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsConnector;

    private ReminderScenario(FakeConnector connector, bool ownsConnector, BotHost host, ManualClock clock, string locale)
    {
        Connector = connector;
        _ownsConnector = ownsConnector;
        Host = host;
        Clock = clock;
        Chat = new TeamsActivities(connector.ServiceUrl, ChatId, StaffId) { Locale = locale };
    }

    public FakeConnector Connector { get; }

    public BotHost Host { get; }

    public ManualClock Clock { get; }

    public TeamsActivities Chat { get; }

    public OnboardingLessons Lessons => Host.Services.GetRequiredService<OnboardingLessons>();

    public ReachStore Store => Host.Services.GetRequiredService<ReachStore>();

    public static async Task<ReminderScenario> StartAsync(
        IDictionary<string, string?>? settings = null, string locale = "en-US", ManualClock? clock = null, FakeConnector? connector = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var ownsConnector = connector is null;
        connector ??= await FakeConnector.StartAsync();
        clock ??= new ManualClock(TuesdayTenAm);
        var host = new BotHost(settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            var timer = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReminderTimer));
            services.Remove(timer);
            configureServices?.Invoke(services);
        });
        return new ReminderScenario(connector, ownsConnector, host, clock, locale);
    }

    /// <summary>Sends as her and returns the messages the bot sent in that turn.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(Activity activity)
    {
        activity.From = new ChannelAccount(StaffId, "Invented Staff Member", StaffAad);
        var before = Connector.Messages.Count;
        using var response = await Host.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
        return [.. Connector.Messages.Skip(before)];
    }

    /// <summary>One reminder pass on this host, and the messages it sent.</summary>
    public async Task<(ReminderService.Pass Pass, IReadOnlyList<Activity> Sent)> PassAsync()
    {
        var before = Connector.Messages.Count;
        var pass = await Host.Services.GetRequiredService<ReminderService>().RunOnceAsync();
        return (pass, [.. Connector.Messages.Skip(before)]);
    }

    /// <summary>She starts onboarding and stays at the first lesson's key points.</summary>
    public Task StartOnboardingAsync() => SayAsync(Chat.Message(Chat.Locale.StartsWith("fr", StringComparison.Ordinal) ? "formation" : "onboarding"));

    /// <summary>Every lesson, every question answered right, by the cards' buttons.</summary>
    public async Task FinishOnboardingAsync()
    {
        foreach (var lesson in Lessons.All)
        {
            await SayAsync(Chat.Submit(new { action = CardActions.OnboardingQuestions, lesson = lesson.Id }));
            foreach (var question in lesson.Questions)
            {
                var right = question.Options.Single(question.IsRight);
                await SayAsync(Chat.Submit(new { action = CardActions.OnboardingAnswer, lesson = lesson.Id, question = question.Id, option = right.Id, topic = question.Topic }));
            }
        }
    }

    public static string Ui(string key, Language language) => ContentLibrary.Default.Ui(key, language);

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        if (_ownsConnector) await Connector.DisposeAsync();
    }
}
