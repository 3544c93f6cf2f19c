using BotFramework.Schema;

namespace BotFramework.Builder;

/// <summary>Dispatches a turn by activity type to overridable handlers.</summary>
public abstract class ActivityHandler : IBot
{
    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        return activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => OnInvokeDispatchAsync(turnContext, cancellationToken),
            _ => OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken),
        };
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            return OnBotAddedAsync(turnContext, cancellationToken);
        }
        return Task.CompletedTask;
    }

    /// <summary>The bot itself is in <c>membersAdded</c>: it was installed in this chat, group or team.</summary>
    protected virtual Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Action switch
        {
            "add" or "add-upgrade" => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            "remove" or "remove-upgrade" => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OnInvokeDispatchAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var response = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (response is not null) turnContext.InvokeResponse = response;
    }

    /// <summary>Answer an invoke; null leaves it unanswered (501 Not Implemented).</summary>
    protected virtual async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Name)
        {
            case InvokeNames.AdaptiveCardAction:
                var value = activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object } v
                    ? System.Text.Json.JsonSerializer.Deserialize<AdaptiveCardInvokeValue>(v, BotJson.Options)
                    : null;
                if (value?.Action is null || !string.Equals(value.Action.Type, "Action.Execute", StringComparison.Ordinal))
                {
                    return new InvokeResponse(400, AdaptiveCardInvokeResponse.BadRequest("BadRequest", "The invoke has no Action.Execute."));
                }
                var card = await OnAdaptiveCardActionAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
                return card is null ? null : new InvokeResponse(200, card);
            case InvokeNames.ComposeExtensionQuery:
            case InvokeNames.ComposeExtensionSelectItem:
                var body = await OnComposeExtensionAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return body is null ? null : new InvokeResponse(200, body);
            default:
                return null;
        }
    }

    /// <summary>An <c>Action.Execute</c> (click or automatic refresh); return the Universal Actions response.</summary>
    protected virtual Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult<AdaptiveCardInvokeResponse?>(null);

    /// <summary>A message-extension query or item selection; return the <c>{"composeExtension": …}</c> body.</summary>
    protected virtual Task<object?> OnComposeExtensionAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult<object?>(null);

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
