namespace PolicyBot.Policy;

/// <summary>
/// Spaces out sends so they stay inside Teams' rate limits: at most <c>perThread</c> per second into
/// one thread (a channel or a chat) and at most <c>overall</c> per second in all. Each send reserves
/// the next free slot; the caller waits until it comes. 429s that still happen are retried by the
/// Connector's HTTP client.
/// </summary>
public sealed class SendPacer
{
    private readonly TimeSpan _threadGap;
    private readonly TimeSpan _overallGap;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _nextPerThread = new(StringComparer.Ordinal);
    private DateTimeOffset _nextOverall = DateTimeOffset.MinValue;

    public SendPacer(double perThreadPerSecond, double overallPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perThreadPerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(overallPerSecond, 0);
        _threadGap = Gap(perThreadPerSecond);
        _overallGap = Gap(overallPerSecond);
        _time = time;
    }

    /// <summary>Reserves the next slot for a send into <paramref name="thread"/> and returns how long to wait for it.</summary>
    public TimeSpan Reserve(string thread)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var slot = Max(now, _nextOverall);
            if (_nextPerThread.TryGetValue(thread, out var threadFree)) slot = Max(slot, threadFree);
            _nextOverall = slot + _overallGap;
            _nextPerThread[thread] = slot + _threadGap;
            // Forget threads whose slots are long past, so the table stays small.
            if (_nextPerThread.Count > 1024)
            {
                foreach (var stale in _nextPerThread.Where(p => p.Value < now).Select(p => p.Key).ToList()) _nextPerThread.Remove(stale);
            }
            return slot - now;
        }
    }

    public async Task WaitAsync(string thread, CancellationToken cancellationToken)
    {
        var wait = Reserve(thread);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    // Rounded up, so that n sends never fit in less than n gaps' worth of a second.
    private static TimeSpan Gap(double perSecond) => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
