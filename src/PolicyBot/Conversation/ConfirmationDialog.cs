using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;
using PolicyBot.Knowledge;

namespace PolicyBot.Conversation;

/// <summary>
/// Asks for a yes or a no (buttons, or typed in either language) before something that can't be undone.
/// Yes ends the dialog with <see cref="ConfirmedResult"/>; no says so and ends with nothing. The card and the
/// "nothing changed" message are rendered in the language of the turn that shows them.
/// </summary>
public abstract class ConfirmationDialog : ComponentDialog
{
    private readonly string _promptId;

    protected ConfirmationDialog(string dialogId, string confirmedResult) : base(dialogId)
    {
        ConfirmedResult = confirmedResult;
        _promptId = dialogId + ".confirm";
        AddDialog(new ConfirmPrompt(_promptId));
        AddDialog(new WaterfallDialog(dialogId + ".steps", [AskToConfirmAsync, DecideAsync]));
        InitialDialogId = dialogId + ".steps";
    }

    /// <summary>What a confirmed dialog ends with.</summary>
    public string ConfirmedResult { get; }

    /// <summary>The question, as a card whose buttons answer <c>{"choice":"yes"}</c> / <c>{"choice":"no"}</c>.</summary>
    protected abstract Attachment ConfirmationCard(Language language);

    /// <summary>What the user is told when she says no.</summary>
    protected abstract string NothingChanged(Language language);

    private async Task<DialogTurnResult> AskToConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var prompt = Activity.CreateMessage();
        prompt.Attachments = [ConfirmationCard(TurnInfo.Of(step.Context).Language)];
        return await step.PromptAsync(_promptId, new PromptOptions { Prompt = prompt, RetryPrompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DecideAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true) return await step.EndDialogAsync(ConfirmedResult, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(NothingChanged(TurnInfo.Of(step.Context).Language), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
