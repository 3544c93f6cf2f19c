using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// Before the rest of the turn, loads the states a turn of this kind always reads, together
/// (<see cref="BotState.LoadTogetherAsync"/>): a new conversation's first turn reads its conversation and its
/// user documents in one round trip instead of two in a row. Only for the turns <paramref name="when"/> picks,
/// since a turn that would not have read a document must not pay for it; only when the activity names its
/// conversation and sender (the states' keys).
/// </summary>
public sealed class LoadStatesTogetherMiddleware(Func<ITurnContext, bool> when, params BotState[] states) : IMiddleware
{
    private readonly Func<ITurnContext, bool> _when = when ?? throw new ArgumentNullException(nameof(when));
    private readonly BotState[] _states = states is { Length: > 0 } && states.All(s => s is not null)
        ? [.. states]
        : throw new ArgumentException("Name at least one state, none null.", nameof(states));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!string.IsNullOrEmpty(activity.ChannelId) && !string.IsNullOrEmpty(activity.Conversation?.Id)
            && !string.IsNullOrEmpty(activity.From?.Id) && _when(turnContext))
        {
            await BotState.LoadTogetherAsync(turnContext, _states, cancellationToken).ConfigureAwait(false);
        }
        await next(cancellationToken).ConfigureAwait(false);
    }
}
