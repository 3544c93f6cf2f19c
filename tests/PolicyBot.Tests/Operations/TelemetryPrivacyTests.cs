using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BotFramework.Diagnostics;
using BotFramework.Schema;
using Activity = BotFramework.Schema.Activity;
using BotFramework.Testing;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Policy;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// A whole conversation — a situation from free text, danger, the menu, onboarding, a policy edit, the self-test,
/// forget me — through the real host with in-memory exporters: the spans, metrics and logs that would leave the
/// process say what happened, and carry none of the words typed, the names or the ids.
/// </summary>
[Trait("Category", "Host")]
[Collection(TelemetryListenerCollection.Name)]
public sealed class TelemetryPrivacyTests : IAsyncLifetime
{
    // Invented for this test only, so no other test's telemetry can carry them.
    private const string UserName = "Ottoline Bramblewick";
    private const string UserId = "29:1Invented-User-Wombat-7731";
    private const string AadObjectId = "0b5e1f7a-7777-4c2d-9e51-5a1f00c0ffee";
    private const string ConversationId = "a:1Invented-Conversation-Quokka-4412";
    private static readonly string[] TypedWords = ["Zephyrine", "Quillfeather", "Marigold", "Snorkelwick"];

    private readonly TelemetryCapture _telemetry = new();
    private FakeConnector _connector = null!;
    private BotHost _host = null!;
    private TeamsActivities _teams = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(_connector.ServiceUrl, ConversationId, UserId);
        _host = new BotHost(new Dictionary<string, string?> { ["PolicyBot:Managers:0"] = AadObjectId }, _telemetry.AddTo);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AWholeConversation_IsTracedCountedAndLogged_WithoutAWordSheTypedOrAnyNameOrId()
    {
        await SendAsync(_teams.BotAdded());
        await SendAsync(_teams.Message("someone posted Zephyrine Quillfeather's home address on Marigold Lane in a comment on our page"));
        await ClickFirstAsync();
        // The Connector throttles once: retried, counted.
        _connector.Fail(HttpStatusCode.TooManyRequests, "0");
        await SendAsync(_teams.Message("Snorkelwick says her ex is at the door of the shelter right now"));
        await SendAsync(_teams.Message("menu"));
        await ClickFirstAsync();
        await SendAsync(_teams.Message("onboarding"));
        await ClickFirstAsync();
        await SendAsync(_teams.Message("my progress"));
        await SendAsync(_teams.Message("my policy"));
        var editor = _connector.Messages[^1];
        await SendAsync(_teams.Submit(PolicyScenario.EditorSubmit(editor, ("follow-requests", "accept-all"))));
        await SendAsync(_teams.Message("diagnostic"));
        await SendAsync(_teams.Message("forget me"));
        await ClickAsync("Yes, delete everything");
        Assert.StartsWith("Done. I deleted:", _connector.Messages[^1].Text);
        TelemetryCapture.Flush(_host.Services);

        // What happened is there: this conversation's turns (by its hashed id), with their storage and Connector calls.
        var spans = _telemetry.SpansSnapshot();
        var turns = spans.Where(s => s.DisplayName == "bot.turn" && Equals(s.GetTagItem("bot.conversation.hash"), BotTelemetry.HashId(ConversationId))).ToList();
        Assert.Equal(14, turns.Count);
        Assert.All(turns, t => Assert.Equal("ok", t.GetTagItem("bot.turn.outcome")));
        Assert.All(turns, t => Assert.Equal("personal", t.GetTagItem("bot.conversation.kind")));
        Assert.Equal(13, turns.Count(t => Equals(t.GetTagItem("bot.activity.type"), "message")));
        var children = spans.Where(s => turns.Any(t => t.SpanId == s.ParentSpanId)).Select(s => s.DisplayName).ToList();
        Assert.Contains("bot.storage read", children);
        Assert.Contains("bot.storage write", children);
        Assert.Contains("bot.connector reply", children);
        var connectorAttempts = spans.Where(s => s.DisplayName.StartsWith("bot.connector", StringComparison.Ordinal) && turns.Any(t => t.TraceId == s.TraceId)).ToList();
        Assert.Contains(connectorAttempts, s => Equals(s.GetTagItem("http.response.status_code"), 429));
        // HttpClient's own spans are kept, their URLs cut to the host.
        var httpSpans = spans.Where(s => s.Source.Name == "System.Net.Http" && turns.Any(t => t.TraceId == s.TraceId)).ToList();
        Assert.NotEmpty(httpSpans);
        Assert.All(httpSpans, s => Assert.DoesNotContain("/v3/", s.GetTagItem("url.full")?.ToString() ?? "", StringComparison.Ordinal));

        var metricNames = _telemetry.Metrics.Select(m => m.Name).ToHashSet();
        foreach (var name in new[] { "bot.turns", "bot.turn.duration", "bot.turn.storage_calls", "bot.storage.calls", "bot.storage.duration", "bot.connector.calls", "bot.connector.retries",
            "bot.connector.throttled", "policybot.matcher.results", "policybot.scope.detections" })
        {
            Assert.Contains(name, metricNames);
        }
        Assert.NotEmpty(_telemetry.Logs);

        // And nothing of her: the words she typed, her name, her ids, the conversation's id.
        var forbidden = TypedWords.Concat([UserName, "Bramblewick", UserId, "Wombat", AadObjectId, ConversationId, "Quokka"]).ToList();
        var exported = _telemetry.EverythingExported().ToList();
        Assert.True(exported.Count > 500, $"Only {exported.Count} exported strings: the capture is not seeing the pipeline.");
        foreach (var (where, text) in exported)
        {
            foreach (var word in forbidden) Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' was exported in {where}: {text}");
        }
    }

    private async Task SendAsync(Activity activity)
    {
        activity.From = new ChannelAccount(UserId, UserName, AadObjectId);
        using var response = await _host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task ClickFirstAsync()
    {
        var last = _connector.Messages.Last(m => CardReader.Actions(m).Any(a => a.Type == "Action.Submit"));
        return SubmitAsync(CardReader.Actions(last).First(a => a.Type == "Action.Submit"));
    }

    private Task ClickAsync(string title) =>
        SubmitAsync(CardReader.FindAction(_connector.Messages[^1], title) ?? throw new InvalidOperationException($"No button '{title}'."));

    private Task SubmitAsync(CardReader.CardAction action) => SendAsync(_teams.Submit(action.Data ?? JsonSerializer.SerializeToElement(new { })));
}
