using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>
/// A JSON document of named properties kept in an <see cref="IStorage"/> under a key derived from the turn.
/// It is read at most once per turn (at the first property access, cached in the turn state) and written
/// at most once per save, only when it changed, and only if nobody else wrote it since it was read:
/// a lost race is an <see cref="EtagConflictException"/>, never a silent overwrite. With
/// <see cref="UseInstanceCache"/>, the read is skipped when this instance knows the document, and what it
/// knows is checked at the end of the turn (see there).
/// </summary>
public abstract partial class BotState
{
    /// <summary>The reserved property stamped with the time of every write.</summary>
    public const string TouchedAtProperty = "_touchedAt";

    /// <summary>
    /// The reserved property of a commit point listing the documents of the states it vouches for, as the turn
    /// that wrote it left them: a short hash of each key (never the key: keys name users) and its ETag.
    /// </summary>
    public const string VouchedProperty = "_vouched";

    /// <summary>How many vouched documents a commit point lists (a channel thread has many users); the oldest go first.</summary>
    public const int MaxVouched = 16;

    private static long s_instances;
    private readonly string _cacheKey;
    private readonly List<BotState> _vouchedFor = [];
    private BotState? _vouchedBy;

    /// <param name="expireAfter">
    /// When set, a document not written for this long is loaded empty (its ETag kept). Null or
    /// <see cref="Timeout.InfiniteTimeSpan"/>: never.
    /// </param>
    protected BotState(IStorage storage, TimeSpan? expireAfter = null, TimeProvider? timeProvider = null)
    {
        Storage = storage ?? throw new ArgumentNullException(nameof(storage));
        if (expireAfter is { } ttl && ttl != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(expireAfter));
            ExpireAfter = ttl;
        }
        TimeProvider = timeProvider ?? TimeProvider.System;
        _cacheKey = $"{GetType().FullName}#{Interlocked.Increment(ref s_instances)}";
    }

    protected IStorage Storage { get; }

    protected TimeProvider TimeProvider { get; }

    /// <summary>How long an untouched document lives; null when it never expires.</summary>
    public TimeSpan? ExpireAfter { get; }

    /// <summary>This instance's copies of the documents, when <see cref="UseInstanceCache"/> was called.</summary>
    public StateCache? Cache { get; private set; }

    /// <summary>
    /// Skips the read of a document this instance read or wrote recently (<paramref name="cache"/>), and checks
    /// the copy against storage before the turn commits:
    /// <list type="bullet">
    /// <item>without <paramref name="vouchedBy"/>, a document taken from the cache is always written at the end of
    /// the turn, conditional on the ETag it had (the conversation state records each activity anyway): if anyone
    /// wrote or deleted it since, the write fails (412/404), the copy is dropped, and the turn runs again on
    /// the stored document;</item>
    /// <item>with <paramref name="vouchedBy"/> (the commit point, saved after this state), the copy is used only if
    /// the commit point's document, as its last turn wrote it, lists this very version (<see cref="VouchedProperty"/>):
    /// a change made through the same conversation, on any instance, is always seen. A change made through
    /// another conversation on another instance is seen once the copy is older than <see cref="StateCache.MaxAge"/>
    /// or this state is written (its write is conditional).</item>
    /// <item>in a turn whose commit point is kept inside this state's document (<see cref="KeepInside"/>: a personal
    /// chat inside her user document), there is nothing to vouch for: the copy is checked like a commit point's, by
    /// the one conditional write of the turn, and by <see cref="TurnEffects"/> before any effect.</item>
    /// </list>
    /// </summary>
    public void UseInstanceCache(StateCache cache, BotState? vouchedBy = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (vouchedBy == this) throw new ArgumentException("A state cannot vouch for itself.", nameof(vouchedBy));
        Cache = cache;
        if (vouchedBy is not null)
        {
            _vouchedBy = vouchedBy;
            vouchedBy._vouchedFor.Add(this);
        }
    }

    /// <summary>The storage key of this state for the turn.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is TouchedAtProperty or VouchedProperty or PartsProperty) throw new ArgumentException($"'{name}' is reserved by the state layer.", nameof(name));
        return new PropertyAccessor<T>(this, name);
    }

    /// <summary>Whether the document was loaded (or cleared) in this turn.</summary>
    public bool IsLoaded(ITurnContext turnContext) => Cached(turnContext) is not null;

    /// <summary>Whether the document loaded in this turn had expired, so the conversation starts over.</summary>
    public bool WasExpired(ITurnContext turnContext) => Cached(turnContext)?.Expired ?? false;

    /// <summary>Reads the document unless already loaded this turn; <paramref name="force"/> re-reads and drops unsaved changes.</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        await LoadCoreAsync(turnContext, force, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes the document if it changed since it was read (or always with <paramref name="force"/>),
    /// conditional on the ETag it was read with. Does nothing when it was not loaded this turn.
    /// </summary>
    /// <exception cref="EtagConflictException">Another turn wrote the document since it was read.</exception>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        if (Cached(turnContext) is not { } state) return;
        if (state.Host is { } host)
        {
            // A part of the host's document: the host's write is this state's (unless the turn deleted the host).
            if (_host!.Cached(turnContext) == host) await _host.SaveChangesAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
            return;
        }
        var touchedAt = TimeProvider.GetUtcNow();
        var parts = PutPartsBack(turnContext, state, touchedAt);

        foreach (var (name, typed) in state.Values)
        {
            state.Document[name] = JsonSerializer.SerializeToNode(typed.Value, typed.Type, BotJson.Options);
        }
        var content = JsonSerializer.SerializeToUtf8Bytes(state.Document, BotJson.Options);
        var vouched = VouchedAfterTurn(turnContext, state);
        var changed = (state.Saved is null ? state.Document.Count > 0 : !content.AsSpan().SequenceEqual(state.Saved))
            || !SameList(vouched, state.Vouched)
            // A copy from this instance's cache that nobody vouched for is checked by writing it (see UseInstanceCache).
            || (state.FromCache && !state.CheckedByCommitPoint);
        if (!changed && !force) return;

        var document = (JsonObject)state.Document.DeepClone();
        document[TouchedAtProperty] = JsonValue.Create(touchedAt);
        if (vouched is { Count: > 0 }) document[VouchedProperty] = new JsonArray([.. vouched.Select(v => JsonValue.Create(v))]);
        IReadOnlyDictionary<string, string> etags;
        try
        {
            etags = await Storage.WriteAsync(
                new Dictionary<string, StoredDocument>(1, StringComparer.Ordinal) { [state.Key] = new StoredDocument(document, state.ETag) },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Stale (412/404) or unknown after a failure: the next turn reads the stored document.
            Cache?.Remove(state.Key);
            throw;
        }

        state.ETag = etags[state.Key];
        state.Saved = content;
        state.Vouched = vouched;
        state.FromCache = false;
        Cache?.Set(state.Key, content, touchedAt, vouched, state.ETag);
        foreach (var (part, partContent) in parts ?? [])
        {
            part.Saved = partContent;
            part.Expired = false;
            part.ETag = state.ETag;
        }
    }

    /// <summary>
    /// Deletes the document from storage now and forgets what this turn loaded. Returns whether a
    /// document was stored (read once if this turn had not loaded it yet).
    /// </summary>
    public async Task<bool> DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (IsInside(turnContext)) return await DeletePartAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var loaded = await LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        // A document taken as new (StateCache.GuessesUnseenAreNew) is read first: if it exists, the turn runs again on it.
        if (loaded is { FromCache: true, ETag: null }) await ConfirmAsync(loaded, cancellationToken).ConfigureAwait(false);
        var existed = loaded.ETag is not null;
        turnContext.TurnState.Remove(_cacheKey);
        // The parts inside it went with it: a later use in this turn starts them anew (see KeepInside).
        foreach (var inside in _parts)
        {
            if (inside.Cached(turnContext) is { } part && part.Host == loaded) part.HostDeleted = true;
        }
        var key = GetStorageKey(turnContext);
        Cache?.Remove(key);
        await Storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        return existed;
    }

    private CachedState? Cached(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<CachedState>(_cacheKey);
    }

    private async Task<CachedState> LoadCoreAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken, bool useCopy = true)
    {
        if (!force && Cached(turnContext) is { HostDeleted: false } cached) return cached;
        if (IsInside(turnContext)) return await LoadPartAsync(turnContext, force, cancellationToken).ConfigureAwait(false);

        var key = GetStorageKey(turnContext);
        if (!force && useCopy && Cache is { } cache && cache.TryGet(key, out var known))
        {
            // When the commit point is a part of this document, this document's own write checks the copy.
            var insideThis = _vouchedBy is { } point && point._host == this && point.IsInside(turnContext);
            var vouched = !insideThis && _vouchedBy is { } commitPoint
                && (await commitPoint.LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false)).Vouched is { } list
                && list.Contains(VouchEntry(key, known.ETag), StringComparer.Ordinal);
            if (vouched || _vouchedBy is null || insideThis)
            {
                var fromCache = FromContent(key, known.Content, known.TouchedAt, known.Vouched, known.ETag);
                fromCache.FromCache = true;
                fromCache.CheckedByCommitPoint = vouched;
                turnContext.TurnState.Set(_cacheKey, fromCache);
                if (!vouched) TurnEffects.Of(turnContext).CheckBeforeEffects(() => ConfirmAsync(fromCache, cancellationToken));
                return fromCache;
            }
        }

        if (!force && useCopy && MayGuessNew(turnContext, key))
        {
            // Never met here: an empty copy, checked like one from the cache (its create-only write, and before effects).
            var guessed = new CachedState(key, etag: null, new JsonObject(), saved: null) { FromCache = true };
            turnContext.TurnState.Set(_cacheKey, guessed);
            TurnEffects.Of(turnContext).CheckBeforeEffects(() => ConfirmAsync(guessed, cancellationToken));
            return guessed;
        }

        var found = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        CachedState state;
        if (found.TryGetValue(key, out var stored))
        {
            state = FromStored(key, stored);
        }
        else
        {
            Cache?.Remove(key);
            state = new CachedState(key, etag: null, new JsonObject(), saved: null);
        }
        turnContext.TurnState.Set(_cacheKey, state);
        return state;
    }
}
