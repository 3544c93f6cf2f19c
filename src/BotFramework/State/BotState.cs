using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>
/// A JSON document of named properties kept in an <see cref="IStorage"/> under a key derived from the turn.
/// It is read at most once per turn (at the first property access, cached in the turn state) and written
/// at most once per save, only when it changed, and only if nobody else wrote it since it was read:
/// a lost race is an <see cref="EtagConflictException"/>, never a silent overwrite.
/// </summary>
public abstract class BotState
{
    /// <summary>The reserved property stamped with the time of every write.</summary>
    public const string TouchedAtProperty = "_touchedAt";

    private static long s_instances;
    private readonly string _cacheKey;

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
        var changed = state.MustWrite || (state.Saved is null ? state.Document.Count > 0 : !content.AsSpan().SequenceEqual(state.Saved));
        if (!changed && !force) return;

        var document = (JsonObject)state.Document.DeepClone();
        document[TouchedAtProperty] = JsonValue.Create(TimeProvider.GetUtcNow());
        var etags = await Storage.WriteAsync(
            new Dictionary<string, StoredDocument>(1, StringComparer.Ordinal) { [state.Key] = new StoredDocument(document, state.ETag) },
            cancellationToken).ConfigureAwait(false);

        state.ETag = etags[state.Key];
        state.Saved = content;
        state.MustWrite = false;
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
        await Storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
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
        var found = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var state = found.TryGetValue(key, out var stored) ? FromStored(key, stored) : new CachedState(key, etag: null, new JsonObject(), saved: null);
        turnContext.TurnState.Set(_cacheKey, state);
        return state;
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

        var saved = JsonSerializer.SerializeToUtf8Bytes(document, BotJson.Options);
        var expired = ExpireAfter is { } ttl && touchedAt is { } touched && TimeProvider.GetUtcNow() - touched >= ttl;

        // An expired document starts empty but keeps its ETag, so the next write still checks nobody else wrote it.
        return expired
            ? new CachedState(key, stored.ETag, new JsonObject(), saved) { Expired = true }
            : new CachedState(key, stored.ETag, document, saved);
    }

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
