namespace BotFramework.Builder;

/// <summary>
/// Runs the turns of one conversation one at a time, in the order they arrived; turns of different
/// conversations run in parallel. Keys are released when their last turn ends. Bounded: at most
/// <c>maxWaitingPerConversation</c> turns wait behind a conversation's running turn, and at most
/// <c>maxInProgress</c> turns run or wait in all; beyond that a turn is refused at once
/// (<see cref="TurnQueueFullException"/>). A waiting turn whose caller went away before it started is
/// dropped; a turn that started always runs to its end.
/// </summary>
public sealed class ConversationTurnQueue(int maxWaitingPerConversation = int.MaxValue, int maxInProgress = int.MaxValue)
{
    private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _inProgress;

    /// <summary>
    /// Runs <paramref name="turn"/> after the turns of <paramref name="key"/> already queued.
    /// </summary>
    /// <param name="callerGone">Cancelled when the caller stopped waiting; only a turn that has not started yet is dropped (with <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="TurnQueueFullException">Too many turns already wait for this conversation, or run in all.</exception>
    public async Task<T> RunAsync<T>(string key, Func<Task<T>> turn, CancellationToken callerGone = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        Line line;
        lock (_gate)
        {
            if (_inProgress >= maxInProgress) throw new TurnQueueFullException(wholeHost: true);
            if (_lines.TryGetValue(key, out var existing))
            {
                if (existing.Waiting >= maxWaitingPerConversation) throw new TurnQueueFullException(wholeHost: false);
                line = existing;
                previous = existing.Tail;
            }
            else
            {
                line = new Line();
                _lines[key] = line;
                previous = Task.CompletedTask;
            }
            line.Tail = done.Task;
            line.Waiting++;
            _inProgress++;
        }

        var started = false;
        try
        {
            if (previous.IsCompleted) callerGone.ThrowIfCancellationRequested();
            else await previous.WaitAsync(callerGone).ConfigureAwait(false);
            lock (_gate) line.Waiting--;
            started = true;
            return await turn().ConfigureAwait(false);
        }
        finally
        {
            if (started || previous.IsCompleted)
            {
                if (!started) lock (_gate) line.Waiting--;
                Release(key, line, done);
            }
            else
            {
                // Dropped while waiting: the turns behind it must still wait for the one ahead of it.
                lock (_gate) line.Waiting--;
                _ = previous.ContinueWith(_ => Release(key, line, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>How many turns run or wait in all.</summary>
    public int TurnsInProgress
    {
        get { lock (_gate) return _inProgress; }
    }

    private void Release(string key, Line line, TaskCompletionSource done)
    {
        lock (_gate)
        {
            _inProgress--;
            if (_lines.TryGetValue(key, out var current) && ReferenceEquals(current, line) && line.Tail == done.Task) _lines.Remove(key);
        }
        done.SetResult();
    }

    private sealed class Line
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        /// <summary>Turns queued and not started yet.</summary>
        public int Waiting { get; set; }
    }
}

/// <summary>A turn was refused because too many were already waiting (for its conversation, or in the whole host).</summary>
public sealed class TurnQueueFullException(bool wholeHost)
    : InvalidOperationException(wholeHost ? "Too many turns are in progress; try again later." : "Too many turns of this conversation are waiting; try again later.")
{
    /// <summary>True: the whole host is busy; false: only this conversation sends too fast.</summary>
    public bool WholeHost { get; } = wholeHost;
}
