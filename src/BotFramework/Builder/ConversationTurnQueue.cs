namespace BotFramework.Builder;

/// <summary>
/// Runs the turns of one conversation one at a time, in the order they arrived; turns of different
/// conversations run in parallel. Keys are released when their last turn ends.
/// </summary>
public sealed class ConversationTurnQueue
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> turn)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tails.TryGetValue(key, out var tail) ? tail : Task.CompletedTask;
            _tails[key] = done.Task;
        }

        try
        {
            await previous.ConfigureAwait(false);
            return await turn().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (_tails.TryGetValue(key, out var tail) && tail == done.Task) _tails.Remove(key);
            }
            done.SetResult();
        }
    }

    /// <summary>How many conversations have a turn running or waiting.</summary>
    public int ActiveConversations
    {
        get { lock (_gate) return _tails.Count; }
    }
}
