namespace BotFramework.Testing;

/// <summary>
/// A clock that moves only when the test moves it with <see cref="Advance"/>; its timers fire then, so code
/// that waits with <c>Task.Delay(…, timeProvider, …)</c> runs deterministically. Counts the timers created,
/// and lets a test wait until the code under test has started waiting. Register it as the
/// <see cref="TimeProvider"/> of the services under test.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private DateTimeOffset _now = start;
    private int _created;

    public ManualClock()
        : this(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many timers the code under test has created so far.</summary>
    public int TimersCreated
    {
        get { lock (_gate) return _created; }
    }

    /// <summary>The clock's time now.</summary>
    public DateTimeOffset Now => GetUtcNow();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _timers.Add(timer);
            timer.Schedule(_now, dueTime, period);
            _created++;
            reached = _waiters.Where(w => w.Count <= _created).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Count <= _created);
        }
        foreach (var done in reached) done.TrySetResult();
        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been created in all.</summary>
    public Task WaitForTimersCreatedAsync(int count)
    {
        lock (_gate)
        {
            if (_created >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>Moves the clock, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate) target = _now + by;

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt is { } at && at <= target).MinBy(t => t.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }
                _now = due.DueAt!.Value;
                due.Fired();
            }
            due.Invoke();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public void Schedule(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Fired() => DueAt = _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero ? DueAt + _period : null;

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate) Schedule(clock._now, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
