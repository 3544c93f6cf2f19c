using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework;
using BotFramework.Diagnostics;
using BotFramework.State;
using Microsoft.Extensions.Options;
using PolicyBot.Conversation;
using PolicyBot.Matching;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Policy;

namespace PolicyBot.Diagnostics;

/// <summary>
/// The managers' self-test: <c>diagnostic</c> (the same word in French and English), in a personal chat, shows
/// how this instance runs — mode, tenants, storage with a write/read round-trip, policy and content versions,
/// managers, matcher, Application Insights, failed turns and undelivered replies since start. Never a secret, a
/// connection string, a name or an id. Anyone else, or in a channel, gets a one-line refusal.
/// </summary>
public sealed class DiagnosticFeature(
    IOptions<BotFrameworkOptions> auth,
    IOptions<StorageOptions> storageOptions,
    IStorage storage,
    PolicyStore policy,
    IOptions<PolicyBotOptions> options,
    ContentLibrary content,
    MatcherReadiness matcher,
    SenderIdentity identity,
    GuidelineCards cards,
    TelemetryExport? telemetry = null) : IFeature
{
    /// <summary>The document the round-trip writes, reads back and deletes.</summary>
    public const string SelfTestKey = "policybot/diagnostic/self-test";

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Texts = new(LoadTexts);
    private static readonly Lazy<string> ContentVersion = new(ComputeContentVersion);

    /// <summary>The same word in French and English; who may see the card is checked by <see cref="RespondAsync"/>, which says why it refuses.</summary>
    public void MapRoutes(RouteTable routes) => routes.OnCommand(["diagnostic"], async (dc, ct) =>
    {
        await RespondAsync(dc.Context, ct).ConfigureAwait(false);
        return true;
    });

    public async Task RespondAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        if (ConversationScope.IsShared(turn.Activity))
        {
            await turn.SendActivityAsync(Text("refused.shared", language), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!await identity.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await turn.SendActivityAsync(Text("refused.manager", language), cancellationToken).ConfigureAwait(false);
            return;
        }
        var lines = await LinesAsync(language, cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(cards.Info(Text("title", language), lines), cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<string>> LinesAsync(Language language, CancellationToken cancellationToken)
    {
        var a = auth.Value;
        var provider = storageOptions.Value.Provider.ToString();
        var roundTrip = await RoundTripAsync(cancellationToken).ConfigureAwait(false);
        var version = (await policy.ReadCurrentAsync(cancellationToken).ConfigureAwait(false)).Version;
        var exported = telemetry ?? TelemetryExport.None;
        return
        [
            Text("intro", language),
            a.IsLocalMode ? Text("mode.local", language) : Text("mode.app", language, a.MicrosoftAppType),
            a.IsLocalMode ? Text("tenants.local", language) : Text("tenants.count", language, a.EffectiveAllowedTenants.Count),
            roundTrip.Error is null ? Text("storage.ok", language, provider, roundTrip.Milliseconds) : Text("storage.failed", language, provider, roundTrip.Error),
            Text("policy", language, version),
            Text("managers", language, options.Value.Managers.Count(m => !string.IsNullOrWhiteSpace(m))),
            Text("content", language, ContentVersion.Value, content.Topics.Count, content.Situations.Count),
            Text(matcher.IsReady ? "matcher.ready" : "matcher.notReady", language),
            Text(exported.ApplicationInsights ? "insights.on" : "insights.off", language),
            Text("failed", language, BotTelemetry.FailedTurnsSinceStart),
            Text("undelivered", language, BotTelemetry.UndeliveredTurnsSinceStart),
        ];
    }

    /// <summary>Writes a document, reads it back and deletes it; the error is named by its type only.</summary>
    private async Task<(long Milliseconds, string? Error)> RoundTripAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var marker = Guid.NewGuid().ToString("N");
            await storage.WriteAsync(new Dictionary<string, StoredDocument>
            {
                [SelfTestKey] = new(new JsonObject { ["marker"] = marker }, "*"),
            }, timeout.Token).ConfigureAwait(false);
            var read = await storage.ReadAsync([SelfTestKey], timeout.Token).ConfigureAwait(false);
            var back = read.TryGetValue(SelfTestKey, out var stored) ? stored.Document["marker"]?.GetValue<string>() : null;
            await storage.DeleteAsync([SelfTestKey], timeout.Token).ConfigureAwait(false);
            if (back != marker) return (0, "the document read back differs");
            return ((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (0, e.GetType().Name);
        }
    }

    private static string Text(string key, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Texts.Value[key][language.Code()], args);

    private static Dictionary<string, Dictionary<string, string>> LoadTexts()
    {
        using var stream = ShippedFiles.OpenRequired("content/operations/diagnostic.json");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!;
    }

    /// <summary>A fingerprint of the shipped content (guide, topics, situations, lessons, texts): it changes when any of it does.</summary>
    private static string ComputeContentVersion()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in ShippedFiles.Names.Where(n => n.StartsWith("content/", StringComparison.Ordinal)))
        {
            using var stream = ShippedFiles.OpenRequired(name);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(buffer.ToArray());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
