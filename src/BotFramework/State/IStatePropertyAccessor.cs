using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>Reads and writes one named property of a bot state (conversation, user) for the current turn.</summary>
public interface IStatePropertyAccessor<T>
{
    /// <summary>The value for this turn; when absent, the factory's value (stored) or <c>default</c>.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
