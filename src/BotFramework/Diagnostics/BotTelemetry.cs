using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using BotFramework.Schema;

namespace BotFramework.Diagnostics;

/// <summary>
/// The protocol layer's traces and metrics (source and meter <see cref="Name"/>). Every tag is one of a
/// few known words or a hashed id: never a name, never text, never an id as the channel sent it.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "BotFramework";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Turns by activity type and outcome (ok, failed, cancelled, undelivered).</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("bot.turns", description: "Turns run, by activity type and outcome.");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("bot.turn.duration", unit: "ms", description: "How long a turn ran, queue wait excluded.");

    public static readonly Histogram<long> StorageCallsPerTurn = Meter.CreateHistogram<long>("bot.turn.storage_calls", description: "Documents read, written or deleted by one turn.");

    public static readonly Counter<long> StorageCalls = Meter.CreateCounter<long>("bot.storage.calls", description: "Storage calls by operation and outcome.");

    /// <summary>
    /// How long one storage call took, from the turn's side (the request, the wait for an answer and reading it), by
    /// operation and outcome: beside <see cref="TurnDuration"/>, it tells a slow storage from a slow bot.
    /// </summary>
    public static readonly Histogram<double> StorageDuration = Meter.CreateHistogram<double>("bot.storage.duration", unit: "ms", description: "How long a storage call took, by operation and outcome.");

    public static readonly Counter<long> EtagConflicts = Meter.CreateCounter<long>("bot.storage.etag_conflicts", description: "Conditional writes that lost a race.");

    public static readonly Counter<long> ConnectorCalls = Meter.CreateCounter<long>("bot.connector.calls", description: "HTTP attempts to the Connector, by operation and status.");

    public static readonly Counter<long> ConnectorRetries = Meter.CreateCounter<long>("bot.connector.retries", description: "Connector calls retried by the resilience pipeline.");

    public static readonly Counter<long> ConnectorThrottled = Meter.CreateCounter<long>("bot.connector.throttled", description: "Connector answers 429 Too Many Requests.");

    public static readonly Counter<long> Redeliveries = Meter.CreateCounter<long>("bot.redeliveries", description: "Activities the channel delivered again, recognised and not run twice.");

    private static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);
    private static long _failedTurns;
    private static long _undeliveredTurns;

    /// <summary>Turns that failed since the process started (the self-test card shows it).</summary>
    public static long FailedTurnsSinceStart => Interlocked.Read(ref _failedTurns);

    /// <summary>Turns whose replies could not be delivered since the process started.</summary>
    public static long UndeliveredTurnsSinceStart => Interlocked.Read(ref _undeliveredTurns);

    internal static void CountFailed() => Interlocked.Increment(ref _failedTurns);

    internal static void CountUndelivered() => Interlocked.Increment(ref _undeliveredTurns);

    /// <summary>
    /// An id made unrecognisable: a keyed hash whose key is drawn when the process starts and never leaves it,
    /// so the same conversation correlates within one run and nothing outside can work back to the id.
    /// </summary>
    public static string HashId(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "none";
        var hash = HMACSHA256.HashData(HashKey, Encoding.UTF8.GetBytes(id));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    /// <summary>The activity type when it is one of the protocol's, else "other" (the type is the caller's text).</summary>
    public static string ActivityTypeTag(string? type) => type switch
    {
        ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate or ActivityTypes.Invoke
            or ActivityTypes.Typing or ActivityTypes.Event or ActivityTypes.MessageReaction or ActivityTypes.MessageUpdate
            or ActivityTypes.MessageDelete or ActivityTypes.EndOfConversation => type,
        _ => "other",
    };

    /// <summary>personal, channel or groupChat (Teams' words), else "other".</summary>
    public static string ConversationKindTag(Schema.Activity activity) => activity.Conversation?.ConversationType switch
    {
        "personal" => "personal",
        "channel" => "channel",
        "groupChat" => "groupChat",
        _ => activity.Conversation?.IsGroup == true ? "groupChat" : "other",
    };
}
