using System.Net;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Hosting;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Tests.Builder;
using BotFramework.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotFramework.Tests.Hosting;

[Trait("Category", "Host")]
public sealed class AddBotFrameworkTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Middleware_IsTypingThenAutoSaveThenStatesLoadedTogetherThenDeduplication_AndTheAdapterUsesIt()
    {
        // Two more middleware registered after the framework's: the adapter must run what is registered, in that order.
        var ran = new List<string>();
        var reachedTheBot = new List<string>();
        await using var host = await BotHost.StartAsync(new CallbackBot(_ => reachedTheBot.Add("bot")), configure: services =>
        {
            services.AddSingleton<IMiddleware>(new RecordingMiddleware("first", ran));
            services.AddSingleton<IMiddleware>(new RecordingMiddleware("second", ran));
        });

        var registered = host.Services.GetServices<IMiddleware>().Select(m => m.GetType()).ToList();
        using var response = await host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl)).WaitAsync(Guard);

        Assert.Equal([typeof(ShowTypingMiddleware), typeof(AutoSaveStateMiddleware), typeof(LoadStatesTogetherMiddleware), typeof(DeduplicationMiddleware), typeof(RecordingMiddleware), typeof(RecordingMiddleware)], registered);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["first", "second"], ran);
        Assert.Equal(["bot"], reachedTheBot);
        Assert.Same(host.Services.GetRequiredService<ConnectorClient>(), host.Services.GetRequiredService<ConnectorClient>());
    }

    private sealed class RecordingMiddleware(string name, List<string> ran) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            ran.Add(name);
            return next(cancellationToken);
        }
    }

    [Fact]
    public async Task BotSection_IsBoundAndApplied()
    {
        await using var host = await BotHost.StartAsync(new CallbackBot(_ => { }), new()
        {
            ["Bot:ConversationStateExpiry"] = "02:00:00",
            ["Bot:TypingDelay"] = "00:00:02",
            ["Bot:ConnectorMaxRetries"] = "5",
        });

        var options = host.Services.GetRequiredService<IOptions<BotHostOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(2), host.Services.GetRequiredService<ConversationState>().ExpireAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), options.TypingDelay);
        Assert.Equal(5, options.ConnectorMaxRetries);
        Assert.IsType<FileStorage>(host.Services.GetRequiredService<IStorage>());
    }

    [Fact]
    public async Task InvalidBotSection_FailsStartUp_WithWhatToSet()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new CallbackBot(_ => { }), new()
        {
            ["Bot:MaxRequestBodyBytes"] = "100",
            ["Bot:ConnectorMaxRetries"] = "11",
        }));

        Assert.Contains("Bot:MaxRequestBodyBytes must be at least 4096.", error.Failures);
        Assert.Contains("Bot:ConnectorMaxRetries must be between 0 and 10.", error.Failures);
    }

    [Fact]
    public async Task SlowMessageTurn_ShowsTyping_OnTheRegisteredClock_BeforeTheReply()
    {
        var clock = new ManualClock();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mayAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new CallbackBot(async (turn, ct) =>
        {
            entered.SetResult();
            await mayAnswer.Task;
            await turn.SendActivityAsync("answer", ct);
        });
        await using var host = await BotHost.StartAsync(bot, new() { ["Bot:TypingDelay"] = "01:00:00" },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

        var turn = host.PostAsync(TeamsRequests.Message(_connector.ServiceUrl));
        await entered.Task.WaitAsync(Guard);
        await clock.WaitForTimersCreatedAsync(1).WaitAsync(Guard);
        clock.Advance(TimeSpan.FromHours(1));
        var typing = await _connector.NextRequestAsync();

        Assert.False(turn.IsCompleted);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{TeamsRequests.ConversationEscaped}/activities", typing.Target);
        Assert.Equal(ActivityTypes.Typing, WireJson.Deserialize<Activity>(typing.Body)!.Type);

        mayAnswer.SetResult();
        using var response = await turn.WaitAsync(Guard);
        var reply = await _connector.NextRequestAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("answer", WireJson.Deserialize<Activity>(reply.Body)!.Text);
        Assert.Equal(2, _connector.Requests.Count);
    }
}
