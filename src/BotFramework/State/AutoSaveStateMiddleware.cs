using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// Saves, after the rest of the turn, every state the turn loaded, one after another in the order given.
/// The LAST state is the turn's commit point: put the conversation state last, since it records which
/// activities were handled (<see cref="Builder.DeduplicationMiddleware"/>). If an earlier write loses an
/// ETag race, the commit point is not written and the whole turn can run again cleanly. A state the turn
/// never touched is neither read nor written. A turn that throws saves nothing.
/// </summary>
public sealed class AutoSaveStateMiddleware : IMiddleware
{
    private readonly BotState[] _states;

    public AutoSaveStateMiddleware(params BotState[] botStates)
    {
        ArgumentNullException.ThrowIfNull(botStates);
        if (botStates.Any(s => s is null)) throw new ArgumentException("A bot state is null.", nameof(botStates));
        _states = [.. botStates];
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken).ConfigureAwait(false);

        foreach (var state in _states)
        {
            if (state.IsLoaded(turnContext)) await state.SaveChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
