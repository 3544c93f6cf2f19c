using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;

namespace BotFramework.Tests.Dialogs;

/// <summary>
/// Keeps one value as JSON text between turns, the way bot state stores it: read (deserialised) at
/// first use in a turn, written (serialised) by <see cref="SaveChanges"/> at the end of the turn.
/// Nothing but the JSON survives from one turn to the next.
/// </summary>
internal sealed class JsonRoundTripAccessor<T> : IStatePropertyAccessor<T>
{
    private static readonly string CacheKey = $"{nameof(JsonRoundTripAccessor<T>)}:{typeof(T).Name}";

    public string Name => "dialogState";

    /// <summary>The stored JSON, or null when nothing is stored.</summary>
    public string? Json { get; set; }

    public Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        if (turnContext.TurnState.Get<Box>(CacheKey) is { } cached) return Task.FromResult(cached.Value);
        if (Json is not null)
        {
            var loaded = WireJson.Deserialize<T>(Json)!;
            turnContext.TurnState.Set(CacheKey, new Box(loaded));
            return Task.FromResult(loaded);
        }
        if (defaultValueFactory is null) return Task.FromResult(default(T)!);
        var created = defaultValueFactory();
        turnContext.TurnState.Set(CacheKey, new Box(created));
        return Task.FromResult(created);
    }

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState.Set(CacheKey, new Box(value));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState.Set(CacheKey, new Box(default!));
        return Task.CompletedTask;
    }

    /// <summary>Serialises what the turn holds (if it touched the value) into <see cref="Json"/>.</summary>
    public void SaveChanges(ITurnContext turnContext)
    {
        if (turnContext.TurnState.Get<Box>(CacheKey) is not { } cached) return;
        Json = cached.Value is null ? null : WireJson.Serialize(cached.Value);
    }

    private sealed record Box(T Value);
}
