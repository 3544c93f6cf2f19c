namespace PolicyBot.Knowledge;

/// <summary>
/// Content that only training reads (the scope corpus, the staff questions the matcher learns from): read from the
/// content files when asked, and kept only while someone still holds it. The host builds its models at start and then
/// never asks again, so the few megabytes of training text do not stay in its memory for its whole life; tests that
/// ask often get the same instance while they hold it, or a fresh and equal reading. Safe to share between threads.
/// </summary>
internal sealed class ReadWhenAsked<T>(Func<T> read)
    where T : class
{
    private readonly WeakReference<T?> _last = new(null);
    private readonly Lock _gate = new();

    /// <summary>The data: the last reading if it is still held somewhere, else a new one.</summary>
    public T Value
    {
        get
        {
            lock (_gate)
            {
                if (_last.TryGetTarget(out var held) && held is not null) return held;
                var fresh = read();
                _last.SetTarget(fresh);
                return fresh;
            }
        }
    }
}
