using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>
/// A state kept inside another state's document for some turns (<see cref="KeepInside"/>): a personal chat's
/// conversation state inside its user's document, so such a turn reads one document and writes it once.
/// </summary>
public abstract partial class BotState
{
    /// <summary>
    /// The reserved property of a document that holds other states' documents (<see cref="KeepInside"/>): an object
    /// with one member per part (a conversation's id), each the part's properties and its own <see cref="TouchedAtProperty"/>.
    /// </summary>
    public const string PartsProperty = "_parts";

    /// <summary>
    /// For a state kept inside another's document (<see cref="KeepInside"/>): how long before its expiry a part that
    /// the turn did not load is dropped when the host document is written anyway (by another conversation's turn, or by
    /// the sweep). With the sweep's interval here, a host document written less than one interval ago holds no part
    /// that expires before the next pass, so <see cref="ExpiredStateSweeper"/> reads only the host documents older than
    /// that (instead of every one at every pass), and an expired part is still gone within one interval of its expiry.
    /// Zero (the default): parts are dropped only once expired, and the sweep reads every host document.
    /// </summary>
    public TimeSpan PartsDroppedEarlyBy
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            if (ExpireAfter is { } ttl && value >= ttl) throw new ArgumentOutOfRangeException(nameof(value), "A part is dropped early by less than its whole life.");
            field = value;
        }
    }

    private BotState? _host;
    private Func<ITurnContext, bool>? _insideWhen;
    private readonly List<BotState> _parts = [];

    /// <summary>
    /// For the turns <paramref name="when"/> picks, this state's document is a part of <paramref name="host"/>'s
    /// document (under <see cref="PartsProperty"/>, named by <see cref="GetPartName"/>): loading it loads the host
    /// (one read for both), saving it saves the host (one conditional write for both, which is then the turn's commit
    /// point), and the part keeps its own timestamp, so it expires after this state's <see cref="ExpireAfter"/>
    /// while the host does not. The host's copy from the instance cache is then checked by that write, not vouched for.
    /// Other turns keep this state's own document. Call before the first turn.
    /// </summary>
    protected void KeepInside(BotState host, Func<ITurnContext, bool> when)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(when);
        if (host == this || host._host is not null) throw new ArgumentException("A state is kept inside another state's own document.", nameof(host));
        if (_host is not null) throw new InvalidOperationException("This state is already kept inside another.");
        _host = host;
        _insideWhen = when;
        host._parts.Add(this);
    }

    /// <summary>Whether this turn's document of this state is a part of another state's document (<see cref="KeepInside"/>).</summary>
    protected bool IsInside(ITurnContext turnContext) => _host is not null && _insideWhen!(turnContext);

    /// <summary>The name of this turn's part in the host's document (see <see cref="KeepInside"/>).</summary>
    protected virtual string GetPartName(ITurnContext turnContext) =>
        throw new NotSupportedException($"{GetType().Name} does not name its part in another document.");

    /// <summary>How many parts (<see cref="KeepInside"/>) the turn's document of this state holds, read once if not loaded yet.</summary>
    protected async Task<int> CountPartsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        return state.Document[PartsProperty] is JsonObject parts ? parts.Count : 0;
    }

    /// <summary>The turn's part of the host's document: the host loaded (once), the part taken out of it as this state's copy.</summary>
    private async Task<CachedState> LoadPartAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        var host = await _host!.LoadCoreAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
        var name = GetPartName(turnContext);
        DateTimeOffset? touchedAt = null;
        var document = new JsonObject();
        byte[]? saved = null;
        if (host.Document[PartsProperty] is JsonObject parts && parts[name] is JsonObject part)
        {
            document = (JsonObject)part.DeepClone();
            touchedAt = TouchedAtOf(document);
            document.Remove(TouchedAtProperty);
            saved = JsonSerializer.SerializeToUtf8Bytes(document, BotJson.Options);
        }
        var state = WithExpiry(host.Key, document, saved ?? [], touchedAt, vouched: null, host.ETag);
        state.Saved = saved;
        state.Host = host;
        state.PartName = name;
        turnContext.TurnState.Set(_cacheKey, state);
        return state;
    }

    /// <summary>
    /// Puts back into the host's document, before it is written, the part of each state kept inside it that the turn
    /// loaded: its properties, stamped with the time if they changed (or expired), and drops the parts that expired.
    /// Returns the parts put back, to be marked saved once the write succeeds.
    /// </summary>
    private List<(CachedState Part, byte[] Content)>? PutPartsBack(ITurnContext turnContext, CachedState host, DateTimeOffset now)
    {
        if (_parts.Count == 0) return null;
        var written = new List<(CachedState, byte[])>();
        var parts = host.Document[PartsProperty] as JsonObject;
        foreach (var inside in _parts)
        {
            if (inside.Cached(turnContext) is not { } part || part.Host != host) continue;
            foreach (var (name, typed) in part.Values)
            {
                part.Document[name] = JsonSerializer.SerializeToNode(typed.Value, typed.Type, BotJson.Options);
            }
            var content = JsonSerializer.SerializeToUtf8Bytes(part.Document, BotJson.Options);
            var changed = part.Saved is null ? part.Document.Count > 0 : part.Expired || !content.AsSpan().SequenceEqual(part.Saved);
            if (!changed) continue;
            var copy = (JsonObject)part.Document.DeepClone();
            copy[TouchedAtProperty] = JsonValue.Create(now);
            parts ??= new JsonObject();
            parts[part.PartName!] = copy;
            written.Add((part, content));
        }
        if (parts is not null)
        {
            // The parts this turn loaded are in use: only an expired one goes. The others go a little early (see PartsDroppedEarlyBy).
            var inUse = _parts.Select(p => p.Cached(turnContext)).Where(c => c is not null && c.Host == host).Select(c => c!.PartName).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, node) in parts.ToList())
            {
                if (node is not JsonObject other || TouchedAtOf(other) is not { } touched) continue;
                var used = inUse.Contains(name);
                if (_parts.Any(p => p.ExpireAfter is { } ttl && now - touched >= ttl - (used ? TimeSpan.Zero : p.PartsDroppedEarlyBy))) parts.Remove(name);
            }
            if (parts.Count == 0) host.Document.Remove(PartsProperty);
            else if (!ReferenceEquals(host.Document[PartsProperty], parts)) host.Document[PartsProperty] = parts;
        }
        return written;
    }

    /// <summary>Takes the turn's part out of the host's document (it is written without it), and forgets the turn's copy.</summary>
    private async Task<bool> DeletePartAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var part = Cached(turnContext) ?? await LoadPartAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Remove(_cacheKey);
        if (part.Host is { } host && _host!.Cached(turnContext) == host && host.Document[PartsProperty] is JsonObject parts)
        {
            parts.Remove(part.PartName!);
            if (parts.Count == 0) host.Document.Remove(PartsProperty);
        }
        return part.Saved is not null;
    }

    /// <summary>
    /// Empties the parts of <paramref name="document"/> that were not written for <paramref name="expireAfter"/> (see
    /// <see cref="KeepInside"/>); returns how many were removed. What <see cref="ExpiredStateSweeper"/> does to a host
    /// document (with <paramref name="expireAfter"/> shortened by <see cref="PartsDroppedEarlyBy"/>, as a turn's write does).
    /// </summary>
    internal static int RemoveExpiredParts(JsonObject document, TimeSpan expireAfter, DateTimeOffset now)
    {
        if (document[PartsProperty] is not JsonObject parts) return 0;
        var removed = 0;
        foreach (var (name, node) in parts.ToList())
        {
            if (node is JsonObject part && TouchedAtOf(part) is { } touched && now - touched < expireAfter) continue;
            parts.Remove(name);
            removed++;
        }
        if (parts.Count == 0) document.Remove(PartsProperty);
        return removed;
    }

    /// <summary>When a stored document (or a part) was last written: its <see cref="TouchedAtProperty"/>, if it has a readable one.</summary>
    internal static DateTimeOffset? TouchedAtOf(JsonObject document) =>
        document[TouchedAtProperty] is JsonValue value && value.TryGetValue<DateTimeOffset>(out var time) ? time : null;
}
