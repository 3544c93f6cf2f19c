using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>Loading the states of one turn together: one round trip to storage instead of one per document.</summary>
public abstract partial class BotState
{
    /// <summary>
    /// Loads <paramref name="states"/> for the turn, reading at the same time every document that has to come
    /// from storage (not loaded yet, no copy in this instance's cache), then taking the others in the order given.
    /// Each document is still read at most once, and a copy still waits for the commit point that vouches for it,
    /// so the turn sees exactly what loading them one by one would have shown, one storage round trip sooner.
    /// </summary>
    public static async Task LoadTogetherAsync(ITurnContext turnContext, IReadOnlyList<BotState> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(states);
        var reads = new List<Task>(states.Count);
        var documents = new HashSet<BotState>();
        foreach (var named in states)
        {
            // A state kept inside another's document this turn is read with that document, once.
            var state = named.IsInside(turnContext) ? named._host! : named;
            if (!documents.Add(state) || state.Cached(turnContext) is not null || state.HasCopy(turnContext)) continue;
            reads.Add(state.LoadCoreAsync(turnContext, force: false, cancellationToken, useCopy: false));
        }
        await Task.WhenAll(reads).ConfigureAwait(false);
        foreach (var state in states) await state.LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether this instance's cache holds a copy of the turn's document (it may still be refused: see <see cref="UseInstanceCache"/>),
    /// or the document will be taken as new without reading it (<see cref="StateCache.GuessesUnseenAreNew"/>).
    /// </summary>
    private bool HasCopy(ITurnContext turnContext) =>
        Cache is { } cache && GetStorageKey(turnContext) is var key && (cache.TryGet(key, out _) || MayGuessNew(turnContext, key));
}
