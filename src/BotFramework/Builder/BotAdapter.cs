using BotFramework.Schema;
using BotFramework.State;
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
    private readonly ConversationTurnQueue _queue = new();

    protected BotAdapter(ILogger? logger = null) => Logger = logger ?? NullLogger.Instance;

    protected ILogger Logger { get; }

    /// <summary>How many times a turn is run when its state write loses an ETag race.</summary>
    public int MaxTurnAttempts { get; init; } = 3;

    public IReadOnlyList<IMiddleware> Middleware => _middleware;

    public BotAdapter Use(IMiddleware middleware)
    {
        _middleware.Add(middleware ?? throw new ArgumentNullException(nameof(middleware)));
        return this;
    }

    /// <summary>Runs one turn for an incoming activity and returns the invoke response, if any.</summary>
    public Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        var key = $"{activity.ChannelId}/{activity.Conversation?.Id}";
        return _queue.RunAsync(key, () => RunTurnAsync(activity, bot, cancellationToken));
    }

    private async Task<InvokeResponse?> RunTurnAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        var effects = new TurnEffects(); // shared by the attempts: what one did outside the conversation is not done again
        for (var attempt = 1; ; attempt++)
        {
            var context = new TurnContext(this, activity);
            context.TurnState.Set(effects);
            try
            {
                await RunPipelineAsync(context, bot, 0, cancellationToken).ConfigureAwait(false);
            }
            catch (EtagConflictException) when (attempt < MaxTurnAttempts)
            {
                Logger.LogInformation("State changed during the turn (ETag conflict); running the turn again, attempt {Attempt}", attempt + 1);
                context.ClearOutbox();
                continue;
            }

            if (context.Outbox.Count > 0)
            {
                try
                {
                    await SendActivitiesAsync(context, context.Outbox, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (context.TurnState.Get<DeliveryFailureHandler>() is { } handler)
                {
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
