using BotFramework.Connector.Authentication;
using BotFramework.Diagnostics;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotFramework.Builder;

/// <summary>
/// Runs turns: one conversation at a time in arrival order, through the middleware to the bot; then
/// delivers what the bot sent. A turn that loses an ETag race before anything was delivered is run
/// again on fresh state, so concurrent turns never overwrite each other and nothing is shown twice.
/// </summary>
public abstract class BotAdapter
{
    private readonly List<IMiddleware> _middleware = [];
    private readonly ConversationTurnQueue _queue;

    /// <param name="queue">How many turns may wait (per conversation, in all); unbounded when null.</param>
    protected BotAdapter(ILogger? logger = null, ConversationTurnQueue? queue = null)
    {
        Logger = logger ?? NullLogger.Instance;
        _queue = queue ?? new ConversationTurnQueue();
    }

    protected ILogger Logger { get; }

    /// <summary>How many times a turn is run when its state write loses an ETag race.</summary>
    public int MaxTurnAttempts { get; init; } = 3;

    /// <summary>How many turns run or wait for their conversation right now.</summary>
    public int TurnsInProgress => _queue.TurnsInProgress;

    public BotAdapter Use(IMiddleware middleware)
    {
        _middleware.Add(middleware ?? throw new ArgumentNullException(nameof(middleware)));
        return this;
    }

    /// <summary>Runs one turn for an incoming activity and returns the invoke response, if any.</summary>
    public Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(activity, authentication: null, bot, cancellationToken);

    /// <summary>
    /// Runs one turn for an incoming activity whose request was authenticated as <paramref name="authentication"/>
    /// (put in the turn state, see <see cref="TurnContextExtensions.Authentication"/>), and returns the invoke response, if any.
    /// </summary>
    /// <param name="cancellationToken">Stops the turn (shutting down); a started turn otherwise runs to its end.</param>
    /// <param name="callerGone">The caller stopped waiting: the turn is dropped if it has not started yet.</param>
    /// <exception cref="TurnQueueFullException">Too many turns wait already; nothing ran.</exception>
    public Task<InvokeResponse?> ProcessActivityAsync(Activity activity, AuthenticationResult? authentication, BotCallbackHandler bot,
        CancellationToken cancellationToken = default, CancellationToken callerGone = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var key = $"{activity.ChannelId}/{activity.Conversation?.Id}";
        return _queue.RunAsync(key, () => TurnTelemetry.RunAsync(activity, () => RunTurnAsync(activity, authentication, bot, cancellationToken)), callerGone);
    }

    /// <summary>
    /// Who <paramref name="memberId"/> is in the turn's conversation, as the channel knows them; null when the
    /// channel does not know them there. Adapters without a channel to ask throw <see cref="NotSupportedException"/>.
    /// </summary>
    public virtual Task<ChannelAccount?> GetConversationMemberAsync(ITurnContext turnContext, string memberId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot look up conversation members.");

    /// <summary>
    /// Runs <paramref name="callback"/> on a turn of the conversation <paramref name="reference"/> names, outside any
    /// incoming activity (a card posted in a chat, a posted card updated): the turn's activity is a
    /// <c>ContinueConversation</c> event, and what the callback sends is delivered as soon as it returns, as new
    /// messages (not replies). Returns the channel's answer for each activity delivered.
    /// </summary>
    public virtual async Task<ResourceResponse[]> ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var context = new TurnContext(this, Activity.CreateContinuation(reference));
        await callback(context, cancellationToken).ConfigureAwait(false);
        return context.Outbox.Count == 0 ? [] : await SendActivitiesAsync(context, context.Outbox, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a new conversation on the channel at <paramref name="serviceUrl"/> (in Teams, a new thread in a channel, with
    /// its first message in <see cref="ConversationParameters.Activity"/>). Adapters without a channel throw <see cref="NotSupportedException"/>.
    /// </summary>
    public virtual Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot create conversations.");

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, AuthenticationResult? authentication, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        var effects = new TurnEffects(); // shared by the attempts: what one did outside the conversation is not done again
        // The activity as it arrived: an attempt that runs again reads a fresh copy of it, not what the attempt
        // before changed on it (the mention text removed).
        var arrived = activity.Clone();
        for (var attempt = 1; ; attempt++)
        {
            TurnTelemetry.Current?.Attempt();
            var context = new TurnContext(this, attempt == 1 ? activity : arrived.Clone());
            effects.BeginAttempt();
            context.TurnState.Set(effects);
            if (authentication is not null) context.TurnState.Set(authentication);
            try
            {
                await RunPipelineAsync(context, bot, 0, cancellationToken).ConfigureAwait(false);
            }
            catch (TurnConflictException) when (attempt < MaxTurnAttempts)
            {
                Logger.LogDebug("State changed during the turn (ETag conflict); running the turn again, attempt {Attempt}", attempt + 1);
                context.ClearOutbox();
                continue;
            }

            effects.Commit();
            if (context.Outbox.Count > 0)
            {
                try
                {
                    await SendActivitiesAsync(context, context.Outbox, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (context.TurnState.Get<DeliveryFailureHandler>() is { } handler)
                {
                    TurnTelemetry.Current?.DeliveryFailed();
                    await RememberUndeliveredAsync(handler, context.Outbox).ConfigureAwait(false);
                    throw;
                }
            }
            return context.InvokeResponse;
        }
    }

    private async Task RememberUndeliveredAsync(DeliveryFailureHandler handler, IReadOnlyList<Activity> outbox)
    {
        try
        {
            await handler.OnDeliveryFailedAsync(outbox, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The delivery failure is what gets reported; this was a best effort to recover from it.
            Logger.LogWarning("Could not keep the undelivered messages for a retry: {ExceptionType}", e.GetType().Name);
        }
    }

    private Task RunPipelineAsync(ITurnContext context, BotCallbackHandler bot, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count) return bot(context, cancellationToken);
        return _middleware[index].OnTurnAsync(context, ct => RunPipelineAsync(context, bot, index + 1, ct), cancellationToken);
    }

    /// <summary>Delivers activities to the channel now (replies after a turn, typing indicators during one).</summary>
    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken);
}
