using BotFramework.Builder;

namespace BotFramework.Tests.Builder;

/// <summary>A bot made of one function, counting its turns.</summary>
public sealed class CallbackBot(Func<ITurnContext, CancellationToken, Task> onTurn) : IBot
{
    private int _calls;

    public CallbackBot(Action<ITurnContext> onTurn)
        : this((turn, _) =>
        {
            onTurn(turn);
            return Task.CompletedTask;
        })
    {
    }

    public int Calls => Volatile.Read(ref _calls);

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return onTurn(turnContext, cancellationToken);
    }
}
