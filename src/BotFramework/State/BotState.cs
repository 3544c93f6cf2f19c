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
public abstract class BotState
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
        if (name == TouchedAtProperty) throw new ArgumentException($"'{TouchedAtProperty}' is reserved for the state's timestamp.", nameof(name));
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

        foreach (var (name, typed) in state.Values)
        {
            state.Document[name] = JsonSerializer.SerializeToNode(typed.Value, typed.Type, BotJson.Options);
        }
        var content = JsonSerializer.SerializeToUtf8Bytes(state.Document, BotJson.Options);
        var vouched = VouchedAfterTurn(turnContext, state);
        var changed = state.MustWrite
            || (state.Saved is null ? state.Document.Count > 0 : !content.AsSpan().SequenceEqual(state.Saved))
            || !SameList(vouched, state.Vouched)
            // A copy from this instance's cache that nobody vouched for is checked by writing it (see UseInstanceCache).
            || (state.FromCache && !state.CheckedByCommitPoint);
        if (!changed && !force) return;

        var document = (JsonObject)state.Document.DeepClone();
        var touchedAt = TimeProvider.GetUtcNow();
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
        state.MustWrite = false;
        state.FromCache = false;
        Cache?.Set(state.Key, content, touchedAt, vouched, state.ETag);
    }

    /// <summary>
    /// Empties the document; the empty document is written at the next save. If it was not loaded this
    /// turn, that write is unconditional (clearing wins over whatever is stored).
    /// </summary>
    public void ClearState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Cached(turnContext) is { } state)
        {
            state.Values.Clear();
            state.Document.Clear();
            return;
        }
        turnContext.TurnState.Set(_cacheKey, new CachedState(GetStorageKey(turnContext), "*", new JsonObject(), saved: null) { MustWrite = true });
    }

    /// <summary>
    /// Deletes the document from storage now and forgets what this turn loaded. Returns whether a
    /// document was stored (read once if this turn had not loaded it yet).
    /// </summary>
    public async Task<bool> DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var existed = (await LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false)).ETag is not null;
        turnContext.TurnState.Remove(_cacheKey);
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

    private async Task<CachedState> LoadCoreAsync(ITurnContext turnContext, bool force, CancellationToken cancellationToken)
    {
        if (!force && Cached(turnContext) is { } cached) return cached;

        var key = GetStorageKey(turnContext);
        if (!force && Cache is { } cache && cache.TryGet(key, out var known))
        {
            var vouched = _vouchedBy is { } commitPoint
                && (await commitPoint.LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false)).Vouched is { } list
                && list.Contains(VouchEntry(key, known.ETag), StringComparer.Ordinal);
            if (vouched || _vouchedBy is null)
            {
                var fromCache = FromContent(key, known.Content, known.TouchedAt, known.Vouched, known.ETag);
                fromCache.FromCache = true;
                fromCache.CheckedByCommitPoint = vouched;
                turnContext.TurnState.Set(_cacheKey, fromCache);
                if (!vouched) TurnEffects.Of(turnContext).CheckBeforeEffects(() => ConfirmAsync(fromCache, cancellationToken));
                return fromCache;
            }
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

    /// <summary>
    /// Reads the document a copy from the cache stands for: the same version, and the copy counts as read; another
    /// (or none), and the turn runs again on what is stored (<see cref="EtagConflictException"/>).
    /// </summary>
    private async Task ConfirmAsync(CachedState copy, CancellationToken cancellationToken)
    {
        if (!copy.FromCache) return;
        var found = await Storage.ReadAsync([copy.Key], cancellationToken).ConfigureAwait(false);
        if (found.TryGetValue(copy.Key, out var stored) && stored.ETag == copy.ETag)
        {
            copy.FromCache = false;
            return;
        }
        Cache?.Remove(copy.Key);
        throw new EtagConflictException(copy.Key);
    }

    private CachedState FromStored(string key, StoredDocument stored)
    {
        var document = stored.Document;
        DateTimeOffset? touchedAt = null;
        if (document.TryGetPropertyValue(TouchedAtProperty, out var stamp))
        {
            if (stamp is JsonValue value && value.TryGetValue<DateTimeOffset>(out var time)) touchedAt = time;
            document.Remove(TouchedAtProperty);
        }
        List<string>? vouched = null;
        if (document.TryGetPropertyValue(VouchedProperty, out var list))
        {
            if (list is JsonArray array) vouched = [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()];
            document.Remove(VouchedProperty);
        }

        var saved = JsonSerializer.SerializeToUtf8Bytes(document, BotJson.Options);
        if (stored.ETag is { } etag) Cache?.Set(key, saved, touchedAt, vouched, etag);
        return WithExpiry(key, document, saved, touchedAt, vouched, stored.ETag);
    }

    private CachedState FromContent(string key, byte[] content, DateTimeOffset? touchedAt, IReadOnlyList<string>? vouched, string etag)
    {
        var document = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = BotJson.Options.MaxDepth })?.AsObject() ?? new JsonObject();
        return WithExpiry(key, document, content, touchedAt, vouched, etag);
    }

    private CachedState WithExpiry(string key, JsonObject document, byte[] saved, DateTimeOffset? touchedAt, IReadOnlyList<string>? vouched, string? etag)
    {
        var expired = ExpireAfter is { } ttl && touchedAt is { } touched && TimeProvider.GetUtcNow() - touched >= ttl;

        // An expired document starts empty but keeps its ETag, so the next write still checks nobody else wrote it.
        return expired
            ? new CachedState(key, etag, new JsonObject(), saved) { Expired = true, Vouched = vouched }
            : new CachedState(key, etag, document, saved) { Vouched = vouched };
    }

    /// <summary>
    /// What this commit point's document lists after the turn: the states it vouches for that the turn loaded,
    /// as they are now (saved before it), then what it listed before, at most <see cref="MaxVouched"/>.
    /// </summary>
    private List<string>? VouchedAfterTurn(ITurnContext turnContext, CachedState state)
    {
        if (_vouchedFor.Count == 0) return state.Vouched is null ? null : [.. state.Vouched];
        var now = new List<string>();
        foreach (var dependent in _vouchedFor)
        {
            if (dependent.Cached(turnContext) is { ETag: { } etag } loaded && etag != "*") now.Add(VouchEntry(loaded.Key, etag));
        }
        if (now.Count == 0) return state.Vouched is null ? null : [.. state.Vouched];
        var prefixes = now.Select(v => v[..(v.IndexOf(':') + 1)]).ToHashSet(StringComparer.Ordinal);
        foreach (var earlier in state.Vouched ?? [])
        {
            if (now.Count >= MaxVouched) break;
            if (!prefixes.Contains(earlier[..(earlier.IndexOf(':') + 1)])) now.Add(earlier);
        }
        return now;
    }

    /// <summary>"hash:etag": 12 hex digits of the key's SHA-256 (the key names a user; this does not), and the document's ETag.</summary>
    private static string VouchEntry(string key, string etag)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..6]) + ":" + etag;
    }

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a is null || a.Count == 0) ? (b is null || b.Count == 0) : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);

    private async Task<T> GetPropertyAsync<T>(ITurnContext turnContext, string name, Func<T>? defaultValueFactory, CancellationToken cancellationToken)
    {
        var state = await LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        if (state.Values.TryGetValue(name, out var typed))
        {
            if (typed.Value is T same) return same;

            // Read earlier in the turn as another type: convert through JSON.
            var converted = JsonSerializer.SerializeToNode(typed.Value, typed.Type, BotJson.Options).Deserialize<T>(BotJson.Options);
            Remember(state, name, converted);
            return converted!;
        }

        if (state.Document.TryGetPropertyValue(name, out var node) && node is not null
            && node.Deserialize<T>(BotJson.Options) is { } stored)
        {
            Remember(state, name, stored);
            return stored;
        }

        if (defaultValueFactory is null) return default!;
        var created = defaultValueFactory();
        Remember(state, name, created);
        return created;
    }

    private async Task SetPropertyAsync<T>(ITurnContext turnContext, string name, T value, CancellationToken cancellationToken)
    {
        var state = await LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        state.Document.Remove(name);
        state.Values.Remove(name);
        Remember(state, name, value);
    }

    private async Task DeletePropertyAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        var state = await LoadCoreAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        state.Document.Remove(name);
        state.Values.Remove(name);
    }

    private static void Remember<T>(CachedState state, string name, T value)
    {
        if (value is null)
        {
            state.Values.Remove(name);
            state.Document.Remove(name);
        }
        else
        {
            state.Values[name] = new TypedValue(value, typeof(T));
        }
    }

    private readonly record struct TypedValue(object Value, Type Type);

    /// <summary>What a turn loaded: the properties as JSON, the typed objects handed out, and the ETag read.</summary>
    private sealed class CachedState(string key, string? etag, JsonObject document, byte[]? saved)
    {
        public string Key { get; } = key;

        public string? ETag { get; set; } = etag;

        public JsonObject Document { get; } = document;

        public Dictionary<string, TypedValue> Values { get; } = new(StringComparer.Ordinal);

        /// <summary>The properties as last read or written; null when the document does not exist.</summary>
        public byte[]? Saved { get; set; } = saved;

        public bool Expired { get; init; }

        public bool MustWrite { get; set; }

        /// <summary>What this document (a commit point) listed of the states it vouches for, when read or last written.</summary>
        public IReadOnlyList<string>? Vouched { get; set; }

        /// <summary>Taken from this instance's cache, not read from storage in this turn.</summary>
        public bool FromCache { get; set; }

        /// <summary>Taken from the cache and vouched for by the commit point: no write needed to check it.</summary>
        public bool CheckedByCommitPoint { get; set; }
    }

    private sealed class PropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
    {
        public string Name { get; } = name;

        public Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default) =>
            state.GetPropertyAsync(turnContext, Name, defaultValueFactory, cancellationToken);

        public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
            state.SetPropertyAsync(turnContext, Name, value, cancellationToken);

        public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            state.DeletePropertyAsync(turnContext, Name, cancellationToken);
    }
}
