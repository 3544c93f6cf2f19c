using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotFramework.Builder;

/// <summary>
/// Shows a typing indicator while a message turn takes longer than <c>delay</c>, repeated every
/// <c>period</c> (clients show one for about three seconds). Typing goes out at once, not after the turn.
/// </summary>
public sealed class ShowTypingMiddleware : IMiddleware
{
    private readonly TimeSpan _delay;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ShowTypingMiddleware(TimeSpan delay, TimeSpan? period = null, TimeProvider? timeProvider = null, ILogger<ShowTypingMiddleware>? logger = null)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay));
        _delay = delay;
        _period = period ?? TimeSpan.FromSeconds(2);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = ShowTypingAsync(turnContext, turnDone.Token);
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Cancelled here, on the turn's thread: the pending delay's callback ends the typing loop at once, so the
            // wait below is already over. CancelAsync would queue that callback to the thread pool and wake a worker
            // (one more thread hop every message turn) only to find the loop finished.
#pragma warning disable CA1849 // The synchronous cancel is the cheaper one here, and its callbacks only end a delay.
            turnDone.Cancel();
#pragma warning restore CA1849
            await typing.ConfigureAwait(false);
        }
    }

    private async Task ShowTypingAsync(ITurnContext turnContext, CancellationToken turnDone)
    {
        try
        {
            // Most turns end before the delay: its cancellation is awaited without an exception (one per turn otherwise).
            await Task.Delay(_delay, _time, turnDone).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (!turnDone.IsCancellationRequested)
            {
                var typing = Activity.CreateTyping();
                turnContext.Activity.ApplyReplyAddressing(typing);
                await turnContext.Adapter.SendActivitiesAsync(turnContext, [typing], turnDone).ConfigureAwait(false);
                await Task.Delay(_period, _time, turnDone).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn finished.
        }
        catch (Exception e)
        {
            // A typing indicator is a courtesy; failing to show one must not fail the turn.
            _logger.LogDebug("Could not send a typing indicator: {ExceptionType}", e.GetType().Name);
        }
    }
}
