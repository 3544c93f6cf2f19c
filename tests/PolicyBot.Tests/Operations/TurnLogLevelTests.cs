using System.Net;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// With the shipped appsettings.json, an ordinary turn writes nothing at Information: its lines are Debug, and the
/// Connector's retry pipeline logs no line per attempt (only a retry, at Warning, is something to act on). The default
/// level is lowered to Debug here, to see the per-turn lines; the shipped per-category levels stay as they are.
/// </summary>
[Trait("Category", "Host")]
public sealed class TurnLogLevelTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = new BotHost(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AnOrdinaryTurn_LogsItsLinesAtDebug_AndNoAttemptLineFromTheRetryPipeline()
    {
        var teams = new TeamsActivities(_connector.ServiceUrl, "a:log-levels-0001");
        using (var response = await _host.PostAsync(teams.Message("menu"))) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _connector.Fail(HttpStatusCode.TooManyRequests, "0");
        using (var response = await _host.PostAsync(teams.Message("help"))) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _connector.Messages.Count);

        var lines = _host.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.StartsWith("Debug BotFramework.Hosting.CloudAdapter: Handled a message turn", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("turn", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(" Polly", StringComparison.Ordinal) && !l.StartsWith("Warning", StringComparison.Ordinal) && !l.StartsWith("Error", StringComparison.Ordinal));
        // The throttled attempt is retried and said once, at Warning.
        Assert.Contains(lines, l => l.StartsWith("Warning Polly", StringComparison.Ordinal) && l.Contains("OnRetry", StringComparison.Ordinal));
    }
}
