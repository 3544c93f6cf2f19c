namespace BotFramework.Builder;

/// <summary>
/// What a turn did outside its own conversation that must not happen twice: a message posted in another
/// conversation, a record written elsewhere. A turn that loses an ETag race runs again from the start
/// (<see cref="BotAdapter"/>); its replies wait in the outbox and are simply dropped, but an effect such as
/// a new channel thread has already happened. One instance lives across the attempts of one incoming
/// activity (in <see cref="ITurnContext.TurnState"/>): the attempt that runs again gets the first one's
/// result instead of repeating it. An effect that throws is not remembered, so a later attempt tries again.
/// Before the first effect of an attempt, the checks registered with <see cref="CheckBeforeEffects"/> run: an
/// effect never happens on state that was not confirmed against storage (a copy from the instance's cache).
/// </summary>
public sealed class TurnEffects
{
    private readonly Dictionary<string, object?> _done = new(StringComparer.Ordinal);
    private readonly List<Func<Task>> _checks = [];
    private List<Action>? _committed; // made by the first AfterCommit: most turns have none

    /// <summary>
    /// Runs <paramref name="check"/> before the next effect of this attempt (once); it throws
    /// <see cref="TurnConflictException"/> when the state the attempt runs on is out of date, so the turn runs again.
    /// </summary>
    public void CheckBeforeEffects(Func<Task> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _checks.Add(check);
    }

    /// <summary>A new attempt of the turn starts: the checks and after-commit actions of the one before are dropped (its state is dropped too).</summary>
    public void BeginAttempt()
    {
        _checks.Clear();
        _committed?.Clear();
    }

    /// <summary>
    /// Runs <paramref name="action"/> once this attempt's pipeline has ended without a conflict, its state saved
    /// (<see cref="State.AutoSaveStateMiddleware"/> saves at the end of the pipeline): for what follows from a state
    /// change and must happen exactly when that change is kept — never for an attempt that runs again, never for a
    /// turn that failed. The action runs in memory, after the save and before the replies are sent; it must not throw.
    /// A context made outside an adapter never commits.
    /// </summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        (_committed ??= []).Add(action);
    }

    /// <summary>The attempt's pipeline ended and its state was saved: runs the after-commit actions (once).</summary>
    internal void Commit()
    {
        if (_committed is null) return;
        foreach (var action in _committed) action();
        _committed.Clear();
    }

    /// <summary>Runs <paramref name="effect"/> the first time <paramref name="key"/> is asked for in this activity's turn; afterwards returns its result.</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> effect)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(effect);
        if (_done.TryGetValue(key, out var earlier)) return (T)earlier!;
        while (_checks.Count > 0)
        {
            var check = _checks[0];
            _checks.RemoveAt(0);
            await check().ConfigureAwait(false);
        }
        var result = await effect().ConfigureAwait(false);
        _done[key] = result;
        return result;
    }

    /// <summary>Runs <paramref name="effect"/> the first time <paramref name="key"/> is asked for in this activity's turn only.</summary>
    public Task OnceAsync(string key, Func<Task> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return OnceAsync(key, async () =>
        {
            await effect().ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>The turn's effects; a context made outside an adapter (a test's own) gets a fresh set.</summary>
    public static TurnEffects Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.TurnState.Get<TurnEffects>() is { } effects) return effects;
        effects = new TurnEffects();
        turn.TurnState.Set(effects);
        return effects;
    }
}
