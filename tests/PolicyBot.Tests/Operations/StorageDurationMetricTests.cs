using System.Net;
using BotFramework.Testing;
using OpenTelemetry.Metrics;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// <c>bot.storage.duration</c>, through the real host with an in-memory exporter: one timing for each storage call a
/// turn makes, tagged by operation and outcome only, so an operator can tell a slow storage from a slow bot.
/// </summary>
[Trait("Category", "Host")]
[Collection(TelemetryListenerCollection.Name)]
public sealed class StorageDurationMetricTests : IAsyncLifetime
{
    private const string ConversationId = "a:1Invented-Conversation-Pangolin-2290";
    private const string UserId = "29:1Invented-User-Pangolin-2290";

    private readonly TelemetryCapture _telemetry = new();
    private FakeConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsActivities _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(_connector.ServiceUrl, ConversationId, UserId);
        _host = new BotHost(configureServices: _telemetry.AddTo);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task EachStorageCall_IsTimed_ByOperationAndOutcome()
    {
        foreach (var activity in new[] { _teams.BotAdded(), _teams.Message("menu"), _teams.Message("forget me") })
        {
            using var response = await _host.PostAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.NotEmpty(_connector.Messages);
        TelemetryCapture.Flush(_host.Services);

        // Every storage call is a span; each one has its timing, under the same operation and outcome.
        var calls = _telemetry.SpansSnapshot().Where(s => s.DisplayName.StartsWith("bot.storage ", StringComparison.Ordinal))
            .GroupBy(s => ((string)s.GetTagItem("bot.storage.operation")!, (string)s.GetTagItem("bot.storage.outcome")!))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Contains(calls.Keys, k => k.Item1 == "write");

        var timed = new Dictionary<(string, string), long>();
        List<MetricSnapshot> metrics;
        lock (_telemetry.Metrics) metrics = [.. _telemetry.Metrics];
        var duration = metrics.Where(m => m.Name == "bot.storage.duration").ToList();
        Assert.NotEmpty(duration);
        Assert.All(duration, m => Assert.Equal(MetricType.Histogram, m.MetricType));
        Assert.All(duration, m => Assert.Equal("ms", m.Unit));
        // The exporter keeps every export; cumulative points, so the last export of each tag set holds the totals.
        foreach (var point in duration.SelectMany(m => m.MetricPoints))
        {
            var tags = new Dictionary<string, string>();
            foreach (var tag in point.Tags) tags[tag.Key] = (string)tag.Value!;
            Assert.Equal(["bot.storage.operation", "bot.storage.outcome"], tags.Keys.Order());
            Assert.True(point.GetHistogramSum() >= 0);
            timed[(tags["bot.storage.operation"], tags["bot.storage.outcome"])] = point.GetHistogramCount();
        }
        Assert.All(timed.Keys, k => Assert.Contains(k.Item1, new[] { "read", "write", "delete" }));
        Assert.All(timed.Keys, k => Assert.Contains(k.Item2, new[] { "ok", "conflict", "cancelled", "error" }));
        // Writes happen only in turns, which have all ended (a read of the policy may still be on its way in the
        // background, so reads are not counted here).
        Assert.Equal(calls.Where(c => c.Key.Item1 == "write").OrderBy(c => c.Key), timed.Where(c => c.Key.Item1 == "write").OrderBy(c => c.Key));
    }
}
