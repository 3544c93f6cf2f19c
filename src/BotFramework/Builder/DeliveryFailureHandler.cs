using BotFramework.Schema;

namespace BotFramework.Builder;

/// <summary>
/// Put in a turn's <see cref="ITurnContext.TurnState"/> by middleware that wants to know when the turn's
/// messages could not be delivered after the turn succeeded (its state already saved). The adapter
/// calls it with the undelivered messages, then reports the failure as usual.
/// </summary>
public sealed class DeliveryFailureHandler(Func<IReadOnlyList<Activity>, CancellationToken, Task> onFailure)
{
    public Task OnDeliveryFailedAsync(IReadOnlyList<Activity> undelivered, CancellationToken cancellationToken) => onFailure(undelivered, cancellationToken);
}
