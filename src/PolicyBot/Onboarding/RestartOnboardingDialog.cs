using BotFramework.Dialogs;
using BotFramework.Schema;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;

namespace PolicyBot.Onboarding;

/// <summary>
/// "Restart onboarding": asks for confirmation first, since it deletes her progress. On yes it hands
/// over to <see cref="OnboardingDialog"/>, which starts over at the first lesson; on no nothing changes.
/// </summary>
public sealed class RestartOnboardingDialog(OnboardingCards cards) : ConfirmationDialog(DialogId, Confirmed)
{
    public const string DialogId = "onboarding-restart";
    private const string Confirmed = "onboarding-restart-confirmed";

    protected override Attachment ConfirmationCard(Language language) => cards.RestartConfirmation(language);

    protected override string NothingChanged(Language language) => cards.Ui("onboarding.restart.kept", language);

    /// <summary>A confirmed restart replaces this dialog with the lessons, from the first one.</summary>
    protected override Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        result is Confirmed
            ? outerDc.ReplaceDialogAsync(OnboardingDialog.DialogId, new OnboardingDialog.Request(OnboardingDialog.Intent.Restart), cancellationToken)
            : base.EndComponentAsync(outerDc, result, cancellationToken);
}
