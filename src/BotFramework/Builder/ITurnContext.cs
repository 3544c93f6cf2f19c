using BotFramework.Connector.Authentication;
using BotFramework.Schema;

namespace BotFramework.Builder;

/// <summary>One turn: the incoming activity, what the bot sends back, and per-turn state.</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    Activity Activity { get; }

    /// <summary>Per-turn values (cached bot state, the turn's services). Gone when the turn ends.</summary>
    TurnStateCollection TurnState { get; }

    /// <summary>True once the bot has sent a message in this turn.</summary>
    bool Responded { get; }

    /// <summary>The answer to an invoke, written into the HTTP response body.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Sends activities addressed as replies to the incoming one. Messages are delivered after the
    /// turn's state is saved, so a turn whose state cannot be saved shows the user nothing.
    /// </summary>
    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);
}

public static class TurnContextExtensions
{
    /// <summary>How the current turn's request was authenticated; null for a turn an adapter ran without one.</summary>
    public static AuthenticationResult? Authentication(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<AuthenticationResult>();
    }

    public static async Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, Activity activity, CancellationToken cancellationToken = default) =>
        (await turnContext.SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false))[0];

    public static Task<ResourceResponse> SendActivityAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(Activity.CreateMessage(text), cancellationToken);
}
