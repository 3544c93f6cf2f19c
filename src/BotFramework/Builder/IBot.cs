namespace BotFramework.Builder;

/// <summary>The bot: called once per turn, after the middleware.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>Runs around every turn, in registration order; call <c>next</c> to continue the pipeline.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
