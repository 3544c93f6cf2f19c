using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>One named, typed property of a <see cref="BotState"/> document.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>
    /// The value, loading the document on first use in the turn. The same object is returned for the rest
    /// of the turn, so changing it in place is saved. When the property is missing: the factory's value
    /// (which is then stored), or <c>default</c> without a factory.
    /// </summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the value (saved with the state; setting <c>null</c> removes the property).</summary>
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
