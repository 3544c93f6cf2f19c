using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Situations;

/// <summary>
/// "Was this helpful?" answers, kept only as two counts per topic in one document — no user id, no
/// text, no time. Each person counts once per topic: her own answer is remembered in her own profile
/// (so "forget me" removes it), never in a list of who answered.
/// <para>
/// The shared document is not written on her turn. Once the turn's state is saved (her answer is then kept in her
/// profile, exactly once, whatever the attempts), the change to the counts waits in this instance's memory, and
/// <see cref="FeedbackFlushService"/> adds what has gathered to the document every
/// <see cref="FeedbackOptions.FlushInterval"/>, in one conditional write (another instance writing at the same moment
/// makes it read again and add its counts). A vote costs her turn nothing more than her own document's write, and
/// instances never queue on the shared document. What a crash loses: the counts of the last interval on that instance
/// (the answers stay in the profiles). A stopping host writes what it has first.
/// </para>
/// </summary>
public sealed class FeedbackCounter(IStorage storage, UserState userState)
{
    public const string Key = "policybot/feedback";

    /// <summary>The user-state property: topic id → the answer she gave (true: helpful).</summary>
    public const string GivenProperty = "feedbackGiven";

    private readonly IStatePropertyAccessor<Dictionary<string, bool>> _given = userState.CreateProperty<Dictionary<string, bool>>(GivenProperty);
    private readonly Lock _gate = new();
    private Dictionary<string, Change> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts this user's answer for the topic once: a second click with the same answer changes nothing, a
    /// changed answer moves her count from one side to the other. Counted once the turn's state is saved, so once
    /// even if the turn runs again.
    /// </summary>
    public async Task RecordAsync(ITurnContext turn, string topicId, bool helpful, CancellationToken cancellationToken = default)
    {
        var given = await _given.GetAsync(turn, () => new Dictionary<string, bool>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        bool? before = given.TryGetValue(topicId, out var earlier) ? earlier : null;
        if (before == helpful) return;
        given[topicId] = helpful;
        await _given.SetAsync(turn, given, cancellationToken).ConfigureAwait(false);
        TurnEffects.Of(turn).AfterCommit(() => Add(topicId, helpful, replacing: before));
    }

    /// <summary>Adds one answer to the topic's counts waiting to be written; <paramref name="replacing"/> is the same person's earlier answer, taken back.</summary>
    public void Add(string topicId, bool helpful, bool? replacing = null)
    {
        ArgumentNullException.ThrowIfNull(topicId);
        var change = new Change(helpful ? 1 : 0, helpful ? 0 : 1);
        if (replacing is { } old && old != helpful) change += new Change(old ? -1 : 0, old ? 0 : -1);
        lock (_gate) Gather(topicId, change);
    }

    /// <summary>Whether counts are waiting to be written.</summary>
    public bool HasPending
    {
        get
        {
            lock (_gate) return _pending.Count > 0;
        }
    }

    /// <summary>
    /// Adds the counts gathered since the last write to the shared document (nothing to do: no storage call). If the
    /// write fails, they wait for the next one.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Dictionary<string, Change> taken;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            taken = _pending;
            _pending = new Dictionary<string, Change>(StringComparer.Ordinal);
        }
        try
        {
            await storage.UpdateAsync(Key, document =>
            {
                foreach (var (topicId, change) in taken)
                {
                    var counts = document[topicId] as JsonObject ?? new JsonObject { ["helpful"] = 0, ["notHelpful"] = 0 };
                    counts["helpful"] = Math.Max(0, (counts["helpful"]?.GetValue<int>() ?? 0) + change.Helpful);
                    counts["notHelpful"] = Math.Max(0, (counts["notHelpful"]?.GetValue<int>() ?? 0) + change.NotHelpful);
                    if (counts.Parent is null) document[topicId] = counts;
                }
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                foreach (var (topicId, change) in taken) Gather(topicId, change);
            }
            throw;
        }
    }

    /// <summary>Answers counted per topic, helpful or not (for "most used" lists), with this instance's counts not yet written.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(CancellationToken cancellationToken = default)
    {
        var read = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        if (read.TryGetValue(Key, out var stored))
        {
            foreach (var (topicId, node) in stored.Document)
            {
                if (node is JsonObject counts) totals[topicId] = (counts["helpful"]?.GetValue<int>() ?? 0) + (counts["notHelpful"]?.GetValue<int>() ?? 0);
            }
        }
        lock (_gate)
        {
            foreach (var (topicId, change) in _pending)
                totals[topicId] = Math.Max(0, totals.GetValueOrDefault(topicId) + change.Helpful + change.NotHelpful);
        }
        return totals;
    }

    /// <summary>Adds a change to what waits for the topic; the caller holds the gate.</summary>
    private void Gather(string topicId, Change change) =>
        _pending[topicId] = _pending.TryGetValue(topicId, out var waiting) ? waiting + change : change;

    private readonly record struct Change(int Helpful, int NotHelpful)
    {
        public static Change operator +(Change a, Change b) => new(a.Helpful + b.Helpful, a.NotHelpful + b.NotHelpful);
    }
}

/// <summary>How often the "was this helpful?" counts gathered on an instance are written (section <c>PolicyBot:Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "PolicyBot:Feedback";

    /// <summary>Between two writes of the counts; what a crash can lose. Default 5 seconds.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Writes the "was this helpful?" counts gathered on this instance every <see cref="FeedbackOptions.FlushInterval"/>
/// (no storage call when there are none), and once more when the host stops. A failed write is logged (its type
/// only) and tried again at the next tick.
/// </summary>
public sealed class FeedbackFlushService(FeedbackCounter counter, IOptions<FeedbackOptions> options, ILogger<FeedbackFlushService> logger, TimeProvider? time = null) : BackgroundService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await FlushAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not write the feedback counts; they are kept for the next try: {ExceptionType}", e.GetType().Name);
        }
    }
}
