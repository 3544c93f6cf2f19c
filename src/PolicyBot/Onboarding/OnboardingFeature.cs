using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using BotFramework.State;
using PolicyBot.Bot;
using PolicyBot.Cards;

namespace PolicyBot.Onboarding;

/// <summary>
/// Onboarding as the bot's turn sees it: the commands (onboarding, continue, restart onboarding,
/// progress, report), the card buttons, and what "forget me" must also delete. The lessons themselves
/// run in <see cref="OnboardingDialog"/>.
/// </summary>
public sealed class OnboardingFeature
{
    /// <summary>The user-state property that holds <see cref="OnboardingProgress"/>.</summary>
    public const string ProgressProperty = "onboarding";

    private readonly OnboardingCards _cards;
    private readonly OnboardingRoster _roster;
    private readonly IStatePropertyAccessor<OnboardingProgress> _progress;
    private readonly SenderIdentity _sender;

    public OnboardingFeature(UserState userState, OnboardingCards cards, OnboardingRoster roster, SenderIdentity sender, TimeProvider time)
    {
        _cards = cards;
        _sender = sender;
        _roster = roster;
        _progress = userState.CreateProperty<OnboardingProgress>(ProgressProperty);
        Dialogs = [new OnboardingDialog(cards.Lessons, cards, _progress, roster, time), new RestartOnboardingDialog(cards)];
    }

    /// <summary>The dialogs to add to the bot's dialog set.</summary>
    public IReadOnlyList<Dialog> Dialogs { get; }

    public static bool Handles(Command command) =>
        command is Command.Onboarding or Command.OnboardingContinue or Command.OnboardingRestart or Command.OnboardingProgress or Command.OnboardingReport;

    public async Task OnCommandAsync(DialogContext dc, Command command, CancellationToken cancellationToken = default)
    {
        var turn = dc.Context;
        var info = TurnInfo.Of(turn);
        if (command == Command.OnboardingReport)
        {
            await ReportAsync(turn, info, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (ConversationScope.IsShared(turn.Activity))
        {
            // Lessons are personal: in a channel everyone would see them, and the dialog stack is shared.
            await turn.SendActivityAsync(_cards.Ui("onboarding.personalOnly", info.Language), cancellationToken).ConfigureAwait(false);
            return;
        }
        switch (command)
        {
            case Command.Onboarding:
                await BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Start), cancellationToken).ConfigureAwait(false);
                break;
            case Command.OnboardingContinue:
                await BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Continue), cancellationToken).ConfigureAwait(false);
                break;
            case Command.OnboardingRestart:
                var progress = await _progress.GetAsync(turn, null, cancellationToken).ConfigureAwait(false) ?? new OnboardingProgress();
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                // Nothing to lose before she has started: no need to ask.
                await (progress.HasStarted()
                    ? dc.BeginDialogAsync(RestartOnboardingDialog.DialogId, null, cancellationToken)
                    : dc.BeginDialogAsync(OnboardingDialog.DialogId, new OnboardingDialog.Request(OnboardingDialog.Intent.Start), cancellationToken)).ConfigureAwait(false);
                break;
            case Command.OnboardingProgress:
                var current = await _progress.GetAsync(turn, null, cancellationToken).ConfigureAwait(false) ?? new OnboardingProgress();
                current.Reconcile(_cards.Lessons);
                await turn.SendCardAsync(_cards.Progress(current, info.Language), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Handles an onboarding button; false when the card data is not about onboarding.</summary>
    public async Task<bool> TryHandleCardAsync(DialogContext dc, JsonElement data, CancellationToken cancellationToken = default)
    {
        var action = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        switch (action)
        {
            case CardActions.Onboarding:
                await OnCommandAsync(dc, Command.Onboarding, cancellationToken).ConfigureAwait(false);
                return true;
            case CardActions.OnboardingContinue:
                await OnCommandAsync(dc, Command.OnboardingContinue, cancellationToken).ConfigureAwait(false);
                return true;
            case CardActions.OnboardingProgress:
                await OnCommandAsync(dc, Command.OnboardingProgress, cancellationToken).ConfigureAwait(false);
                return true;
            case CardActions.OnboardingRestart:
                await OnCommandAsync(dc, Command.OnboardingRestart, cancellationToken).ConfigureAwait(false);
                return true;
            case CardActions.OnboardingQuestions:
                await BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Questions, Lesson: CardData.String(data, "lesson")), cancellationToken).ConfigureAwait(false);
                return true;
            case CardActions.OnboardingReview:
                await BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Review, Lesson: CardData.String(data, "lesson")), cancellationToken).ConfigureAwait(false);
                return true;
            case CardActions.OnboardingAnswer:
                await BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Answer,
                    CardData.String(data, "lesson"), CardData.String(data, "question"), CardData.String(data, "option")), cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Removes her line from the managers' report (her progress lives in her user-state document, which
    /// "forget me" deletes whole), keyed as <see cref="OnboardingRoster.StaffId"/> keys it, for the sender Teams
    /// confirmed. Returns whether there was a line.
    /// </summary>
    public Task<bool> ForgetAsync(ITurnContext turn, ConfirmedSender sender, CancellationToken cancellationToken = default) =>
        _roster.RemoveAsync(!string.IsNullOrEmpty(sender.AadObjectId) ? sender.AadObjectId : sender.Id, cancellationToken);

    private async Task ReportAsync(ITurnContext turn, TurnInfo info, CancellationToken cancellationToken)
    {
        if (!await _sender.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await turn.SendActivityAsync(_cards.Ui("onboarding.report.managersOnly", info.Language), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (ConversationScope.IsShared(turn.Activity))
        {
            await turn.SendActivityAsync(_cards.Ui("onboarding.report.personalOnly", info.Language), cancellationToken).ConfigureAwait(false);
            return;
        }
        var roster = await _roster.ReadAsync(cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(_cards.Report(roster, info.Language), cancellationToken).ConfigureAwait(false);
    }

    private static async Task BeginAsync(DialogContext dc, OnboardingDialog.Request request, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(OnboardingDialog.DialogId, request, cancellationToken).ConfigureAwait(false);
    }
}
