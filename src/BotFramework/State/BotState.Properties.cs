using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>The document's named properties, typed, and the turn's copy they are read from and written to.</summary>
public abstract partial class BotState
{
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

        public bool Expired { get; set; }

        /// <summary>For a part of another state's document (<see cref="KeepInside"/>): the host's copy, and the part's name in it.</summary>
        public CachedState? Host { get; set; }

        public string? PartName { get; set; }

        /// <summary>A part whose host document the turn deleted: not used again (the next use reads the host anew).</summary>
        public bool HostDeleted { get; set; }

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
