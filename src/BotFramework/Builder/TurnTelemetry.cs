using System.Diagnostics;
using BotFramework.Diagnostics;
using Activity = BotFramework.Schema.Activity;

namespace BotFramework.Builder;

/// <summary>
/// One turn as telemetry sees it: a span "bot.turn" with the activity type, the conversation kind, the hashed
/// conversation id, the attempts and the outcome; the storage and Connector spans of the turn are its children.
/// The turn in progress is <see cref="Current"/> (async-local), which storage and Connector calls report to.
/// </summary>
public sealed class TurnTelemetry
{
    private static readonly AsyncLocal<TurnTelemetry?> CurrentTurn = new();

    private readonly Activity _activity;
    private int _attempts;
    private long _storageCalls;
    private bool _undelivered;

    private TurnTelemetry(Activity activity) => _activity = activity;

    /// <summary>The turn running on this async flow, if any.</summary>
    public static TurnTelemetry? Current => CurrentTurn.Value;

    public int Attempts => _attempts;

    /// <summary>Runs <paramref name="turn"/> as one measured turn of <paramref name="activity"/>.</summary>
    public static async Task<T> RunAsync<T>(Activity activity, Func<Task<T>> turn)
    {
        var telemetry = new TurnTelemetry(activity);
        var type = BotTelemetry.ActivityTypeTag(activity.Type);
        using var span = BotTelemetry.Source.StartActivity("bot.turn", ActivityKind.Internal);
        span?.SetTag("bot.activity.type", type);
        span?.SetTag("bot.conversation.kind", BotTelemetry.ConversationKindTag(activity));
        span?.SetTag("bot.conversation.hash", BotTelemetry.HashId(activity.Conversation?.Id));
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        CurrentTurn.Value = telemetry;
        try
        {
            var result = await turn().ConfigureAwait(false);
            outcome = "ok";
            return result;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        catch (TurnConflictException)
        {
            outcome = "conflict";
            throw;
        }
        catch (Exception)
        {
            outcome = telemetry._undelivered ? "undelivered" : "failed";
            throw;
        }
        finally
        {
            CurrentTurn.Value = null;
            if (outcome is "failed" or "conflict") BotTelemetry.CountFailed();
            if (outcome == "undelivered") BotTelemetry.CountUndelivered();
            span?.SetTag("bot.turn.attempts", telemetry._attempts);
            span?.SetTag("bot.turn.outcome", outcome);
            if (outcome != "ok" && outcome != "cancelled") span?.SetStatus(ActivityStatusCode.Error, outcome);
            var tags = new TagList { { "bot.activity.type", type }, { "bot.turn.outcome", outcome } };
            BotTelemetry.Turns.Add(1, tags);
            BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            BotTelemetry.StorageCallsPerTurn.Record(Interlocked.Read(ref telemetry._storageCalls), new TagList { { "bot.activity.type", type } });
        }
    }

    /// <summary>The turn starts (again, after an ETag conflict).</summary>
    public void Attempt() => Interlocked.Increment(ref _attempts);

    /// <summary>The turn's state was saved but its messages could not be delivered.</summary>
    public void DeliveryFailed() => _undelivered = true;

    internal void StorageCalled(int documents) => Interlocked.Add(ref _storageCalls, documents);
}
