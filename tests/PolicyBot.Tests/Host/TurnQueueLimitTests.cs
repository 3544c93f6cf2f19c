using System.Net;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>
/// Turns of one conversation wait for each other; how many may wait is bounded, per conversation and in
/// all, so nobody can pile up turns until memory runs out. A waiting turn whose caller gave up is dropped;
/// one that started still saves and delivers.
/// </summary>
[Trait("Category", "Host")]
public sealed class TurnQueueLimitTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeConnector _connector = null!;
    private TeamsActivities _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _connector.DisposeAsync();
    }

    /// <summary>Sends "menu" and waits until the bot is delivering its answer (held by the Connector), so the turn is running.</summary>
    private async Task<Task<HttpResponseMessage>> StartARunningTurnAsync(BotHost host)
    {
        _connector.Hold = _release.Task;
        var before = _connector.Holding;
        var running = host.PostAsync(_teams.Message("menu"));
        while (_connector.Holding == before) await Task.Delay(10).WaitAsync(Guard);
        return running;
    }

    [Fact]
    public async Task BeyondTheWaitingLimitOfAConversation_ATurnGets429WithRetryAfter_AndTheOthersStillRun()
    {
        await using var host = new BotHost(new Dictionary<string, string?> { ["Bot:MaxQueuedTurnsPerConversation"] = "1" });
        var running = await StartARunningTurnAsync(host);
        var waiting = host.PostAsync(_teams.Message("help"));
        await WaitUntilAsync(() => QueuedTurns(host) == 2);

        var refused = await host.PostAsync(_teams.Message("cancel")).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("2", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("\"code\":\"TooManyRequests\"", await refused.Content.ReadAsStringAsync());
        _release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await running.WaitAsync(Guard)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting.WaitAsync(Guard)).StatusCode);
        Assert.Equal(2, _connector.Messages.Count);
    }

    [Fact]
    public async Task BeyondTheLimitOfTheWholeHost_ATurnGets503WithRetryAfter()
    {
        await using var host = new BotHost(new Dictionary<string, string?> { ["Bot:MaxTurnsInProgress"] = "1" });
        var running = await StartARunningTurnAsync(host);

        var refused = await host.PostAsync(new TeamsActivities(_connector.ServiceUrl, "a:another-chat").Message("menu")).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        _release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await running.WaitAsync(Guard)).StatusCode);
    }

    [Fact]
    public async Task AWaitingTurnWhoseCallerGaveUp_IsDropped_ButTheRunningOneStillDelivers()
    {
        await using var host = new BotHost();
        var running = await StartARunningTurnAsync(host);
        using var giveUp = new CancellationTokenSource();
        var abandoned = host.PostAsync(_teams.Message("help"), cancellationToken: giveUp.Token);
        await WaitUntilAsync(() => QueuedTurns(host) == 2);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Guard));
        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("dropped because the caller went away", StringComparison.Ordinal)));
        _release.SetResult();

        Assert.Equal(HttpStatusCode.OK, (await running.WaitAsync(Guard)).StatusCode);
        var delivered = Assert.Single(_connector.Messages);
        Assert.NotNull(delivered.Attachments); // the menu card, not the help card of the dropped turn
        Assert.Contains(PolicyBot.Knowledge.ContentLibrary.Default.Ui("menu.title", PolicyBot.Knowledge.Language.En), BotFramework.Testing.CardReader.VisibleText(delivered));
    }

    private static int QueuedTurns(BotHost host) =>
        host.Services.GetService(typeof(BotFramework.Hosting.CloudAdapter)) is BotFramework.Hosting.CloudAdapter adapter ? adapter.TurnsInProgress : 0;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Guard);
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}
