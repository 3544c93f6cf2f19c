using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// Saves, after the rest of the turn, every state the turn loaded (in parallel). A state the turn never
/// touched is neither read nor written. A turn that throws saves nothing.
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

    public IReadOnlyList<BotState> BotStates => _states;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken).ConfigureAwait(false);

        var saves = new List<Task>(_states.Length);
        foreach (var state in _states)
        {
            if (state.IsLoaded(turnContext)) saves.Add(state.SaveChangesAsync(turnContext, force: false, cancellationToken));
        }
        await Task.WhenAll(saves).ConfigureAwait(false);
    }
}
