using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// Teams re-delivers an activity when the bot is slow to answer. The ids of a conversation's recent
/// activities are kept in its conversation state, so a second delivery — on this instance or another,
/// now or after a restart — is recognised and not processed again. It costs no extra storage call:
/// the conversation document is read and written by the turn anyway, and its ETag orders racing deliveries.
/// If a handled activity's messages could not be delivered (the Connector failed after the turn was saved),
/// they are kept with the conversation, and the channel's re-delivery of that activity sends them then.
/// </summary>
public sealed class DeduplicationMiddleware : IMiddleware
{
    public const string PropertyName = "_recentActivityIds";

    public const string UndeliveredPropertyName = "_undelivered";

    private readonly ConversationState _state;
    private readonly IStatePropertyAccessor<List<string>> _recent;
    private readonly IStatePropertyAccessor<UndeliveredMessages> _undelivered;
    private readonly int _remember;

    public DeduplicationMiddleware(ConversationState conversationState, int remember = 20)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        if (remember < 1) throw new ArgumentOutOfRangeException(nameof(remember));
        _state = conversationState;
        _recent = conversationState.CreateProperty<List<string>>(PropertyName);
        _undelivered = conversationState.CreateProperty<UndeliveredMessages>(UndeliveredPropertyName);
        _remember = remember;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var id = turnContext.Activity.Id;
        if (string.IsNullOrEmpty(id))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var recent = await _recent.GetAsync(turnContext, () => [], cancellationToken).ConfigureAwait(false);
        var undelivered = await _undelivered.GetAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (recent.Contains(id, StringComparer.Ordinal))
        {
            Diagnostics.BotTelemetry.Redeliveries.Add(1);
            if (undelivered?.ActivityId == id)
            {
                // Handled, but its answer never reached the user: send it now, without running the turn again.
                await _undelivered.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
                KeepIfUndelivered(turnContext, id);
                // Kept without their addresses: addressed again, as replies to this delivery.
                await turnContext.SendActivitiesAsync([.. undelivered.Activities.Select(PayloadOf)], cancellationToken).ConfigureAwait(false);
                return;
            }
            // Already handled: answer the channel (an invoke gets an empty 200) and do nothing else.
            if (turnContext.Activity.Type == Schema.ActivityTypes.Invoke) turnContext.InvokeResponse = new Schema.InvokeResponse(200);
            return;
        }

        // The conversation moved on: an older answer that was never delivered is not sent any more.
        if (undelivered is not null) await _undelivered.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        recent.Add(id);
        if (recent.Count > _remember) recent.RemoveRange(0, recent.Count - _remember);
        KeepIfUndelivered(turnContext, id);
        await next(cancellationToken).ConfigureAwait(false);
    }

    private void KeepIfUndelivered(ITurnContext turnContext, string activityId) =>
        turnContext.TurnState.Set(new DeliveryFailureHandler(async (activities, cancellationToken) =>
        {
            await _undelivered.SetAsync(turnContext, new UndeliveredMessages { ActivityId = activityId, Activities = [.. activities.Select(PayloadOf)] }, cancellationToken).ConfigureAwait(false);
            await _state.SaveChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        }));

    /// <summary>
    /// What a message says, without who it is addressed to: no user or bot account (names, object ids), no
    /// conversation (a group chat's name), no service URL, no ids, no mentions (they name people) and no
    /// unknown properties. That is all the undelivered copy keeps; sending it again re-addresses it.
    /// </summary>
    internal static Schema.Activity PayloadOf(Schema.Activity activity) => new()
    {
        Type = activity.Type,
        Text = activity.Text,
        TextFormat = activity.TextFormat,
        Summary = activity.Summary,
        InputHint = activity.InputHint,
        AttachmentLayout = activity.AttachmentLayout,
        Attachments = activity.Attachments,
        Entities = activity.Entities?.Where(e => !e.IsMention).ToList() is { Count: > 0 } kept ? kept : null,
        Value = activity.Value,
        Name = activity.Name,
    };

    /// <summary>The messages of a handled activity that the channel never received (their payloads only, see <see cref="PayloadOf"/>).</summary>
    public sealed class UndeliveredMessages
    {
        public string ActivityId { get; set; } = "";

        public List<Schema.Activity> Activities { get; set; } = [];
    }
}
