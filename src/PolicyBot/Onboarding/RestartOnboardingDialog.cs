using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;
using PolicyBot.Bot;

namespace PolicyBot.Onboarding;

/// <summary>
/// "Restart onboarding": asks for confirmation first, since it deletes her progress. On yes it hands
/// over to <see cref="OnboardingDialog"/>, which starts over at the first lesson; on no nothing changes.
/// </summary>
public sealed class RestartOnboardingDialog : ComponentDialog
{
    public const string DialogId = "onboarding-restart";
    private const string ConfirmPromptId = "onboarding-restart.confirm";
    private const string Confirmed = "onboarding-restart-confirmed";

    private readonly OnboardingCards _cards;

    public RestartOnboardingDialog(OnboardingCards cards) : base(DialogId)
    {
        _cards = cards;
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        AddDialog(new WaterfallDialog("onboarding-restart.steps", [AskToConfirmAsync, DecideAsync]));
        InitialDialogId = "onboarding-restart.steps";
    }

    private async Task<DialogTurnResult> AskToConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var prompt = Activity.CreateMessage();
        prompt.Attachments = [_cards.RestartConfirmation(TurnInfo.Of(step.Context).Language)];
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = prompt, RetryPrompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DecideAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true) return await step.EndDialogAsync(Confirmed, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(_cards.Ui("onboarding.restart.kept", TurnInfo.Of(step.Context).Language), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A confirmed restart replaces this dialog with the lessons, from the first one.</summary>
    protected override Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        result is Confirmed
            ? outerDc.ReplaceDialogAsync(OnboardingDialog.DialogId, new OnboardingDialog.Request(OnboardingDialog.Intent.Restart), cancellationToken)
            : base.EndComponentAsync(outerDc, result, cancellationToken);
}
