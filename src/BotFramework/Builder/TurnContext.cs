using BotFramework.Schema;

namespace BotFramework.Builder;

/// <summary>The turn context the adapters create; messages are kept in an outbox until the turn succeeds.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<Activity> _outbox = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public BotAdapter Adapter { get; }

    public Activity Activity { get; }

    public TurnStateCollection TurnState { get; } = new();

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>What the bot has sent this turn and is waiting for delivery.</summary>
    public IReadOnlyList<Activity> Outbox => _outbox;

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var outgoing = activities[i];
            Activity.ApplyReplyAddressing(outgoing);
            _outbox.Add(outgoing);
            if (outgoing.Type == ActivityTypes.Message) Responded = true;
            responses[i] = new ResourceResponse();
        }
        return Task.FromResult(responses);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Activity.ApplyReplyAddressing(activity);
        activity.ReplyToId = null;
        return Adapter.UpdateActivityAsync(this, activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        Adapter.DeleteActivityAsync(this, activityId, cancellationToken);

    internal void ClearOutbox() => _outbox.Clear();
}
