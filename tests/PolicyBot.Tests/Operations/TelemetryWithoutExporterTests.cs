using System.Net;
using BotFramework.Schema;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// With no exporter set (local runs, the benchmark), the host builds no OpenTelemetry pipeline at all: nothing is
/// collected for nobody, and the bot answers as usual. Nor does ASP.NET Core start a trace for each request only
/// because its hosting logger is on (the shipped appsettings.json turns the category
/// <c>Microsoft.AspNetCore.Hosting.Diagnostics</c> off): no trace context is made, carried or sent with the turn's
/// calls. With an exporter, the request's trace is made and carried as before.
/// </summary>
[Trait("Category", "Host")]
[Collection(TelemetryListenerCollection.Name)]
public sealed class TelemetryWithoutExporterTests : IAsyncLifetime
{
    private const string UserId = "29:1Invented-User-Pangolin-2208";
    private const string ConversationId = "a:1Invented-Conversation-Axolotl-5150";

    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = new BotHost();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task NoExporterSet_TheBotStillAnswers_AndNoTracerOrMeterIsBuilt()
    {
        var teams = new TeamsActivities(_connector.ServiceUrl, ConversationId, UserId);
        var message = teams.Message("menu");
        message.From = new ChannelAccount(UserId, "Test User");

        using var response = await _host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(_connector.Messages);
        Assert.Null(_host.Services.GetService<TracerProvider>());
        Assert.Null(_host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task NoExporterSet_TheTurnsCallsCarryNoTraceContext()
    {
        var teams = new TeamsActivities(_connector.ServiceUrl, ConversationId, UserId);

        using var response = await _host.PostAsync(teams.Message("menu"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Delivered, r => r.Method == "POST" && r.Activity?.Type == ActivityTypes.Message);
        Assert.Null(reply.TraceParent);
    }

    [Fact]
    public async Task WithAnExporter_TheReplyCarriesTheTurnsTraceContext()
    {
        var capture = new TelemetryCapture();
        await using var host = new BotHost(configureServices: capture.AddTo);
        var teams = new TeamsActivities(_connector.ServiceUrl, "a:1Invented-Conversation-Okapi-7734", UserId);

        using var response = await host.PostAsync(teams.Message("menu"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Delivered, r => r.Method == "POST" && r.Activity?.Type == ActivityTypes.Message);
        Assert.NotNull(reply.TraceParent);
        TelemetryCapture.Flush(host.Services);
        var traceId = reply.TraceParent!.Split('-')[1];
        Assert.Contains(capture.SpansSnapshot(), span => span.TraceId.ToHexString() == traceId);
    }
}
