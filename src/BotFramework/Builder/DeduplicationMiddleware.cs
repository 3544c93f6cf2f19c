using BotFramework.State;

namespace BotFramework.Builder;

/// <summary>
/// Teams re-delivers an activity when the bot is slow to answer. The ids of a conversation's recent
/// activities are kept in its conversation state, so a second delivery — on this instance or another,
/// now or after a restart — is recognised and not processed again. It costs no extra storage call:
/// the conversation document is read and written by the turn anyway, and its ETag orders racing deliveries.
/// </summary>
public sealed class DeduplicationMiddleware : IMiddleware
{
    public const string PropertyName = "_recentActivityIds";

    private readonly IStatePropertyAccessor<List<string>> _recent;
    private readonly int _remember;

    public DeduplicationMiddleware(ConversationState conversationState, int remember = 20)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        if (remember < 1) throw new ArgumentOutOfRangeException(nameof(remember));
        _recent = conversationState.CreateProperty<List<string>>(PropertyName);
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
        if (recent.Contains(id, StringComparer.Ordinal))
        {
            // Already handled: answer the channel (an invoke gets an empty 200) and do nothing else.
            if (turnContext.Activity.Type == Schema.ActivityTypes.Invoke) turnContext.InvokeResponse = new Schema.InvokeResponse(200);
            return;
        }

        recent.Add(id);
        if (recent.Count > _remember) recent.RemoveRange(0, recent.Count - _remember);
        await next(cancellationToken).ConfigureAwait(false);
    }
}
