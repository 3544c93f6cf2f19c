using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using BotFramework.State;
using PolicyBot.Cards;
using PolicyBot.Conversation;

namespace PolicyBot.Onboarding;

/// <summary>
/// Onboarding as the bot's turn sees it: the commands (onboarding, continue, restart onboarding,
/// progress, report), the card buttons, and what "forget me" must also delete. The lessons themselves
/// run in <see cref="OnboardingDialog"/>.
/// </summary>
public sealed class OnboardingFeature : IFeature
{
    /// <summary>The user-state property that holds <see cref="OnboardingProgress"/>.</summary>
    public const string ProgressProperty = "onboarding";

    private readonly OnboardingCards _cards;
    private readonly OnboardingRoster _roster;
    private readonly IStatePropertyAccessor<OnboardingProgress> _progress;
    private readonly RouteConditions _conditions;

    public OnboardingFeature(UserState userState, OnboardingCards cards, OnboardingRoster roster, RouteConditions conditions, TimeProvider time,
        IEnumerable<IOnboardingListener>? listeners = null)
    {
        _cards = cards;
        _conditions = conditions;
        _roster = roster;
        _progress = userState.CreateProperty<OnboardingProgress>(ProgressProperty);
        Dialogs = [new OnboardingDialog(cards.Lessons, cards, _progress, roster, time, [.. listeners ?? []]), new RestartOnboardingDialog(cards)];
    }

    /// <summary>The dialogs the lessons run in.</summary>
    public IReadOnlyList<Dialog> Dialogs { get; }

    public void MapRoutes(RouteTable routes)
    {
        foreach (var dialog in Dialogs) routes.AddDialog(dialog);
        // Lessons are personal: in a channel everyone would see them, and the dialog stack is shared.
        var personal = _conditions.PersonalChatOnly("onboarding.personalOnly");
        MessageRoute start = (dc, ct) => BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Start), ct);
        MessageRoute resume = (dc, ct) => BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Continue), ct);
        routes
            .OnCommand(["onboarding", "formation"], start, personal)
            .OnAction(CardActions.Onboarding, start, personal)
            .OnCommand(["continue", "continuer", "continue onboarding", "continuer la formation"], resume, personal)
            .OnAction(CardActions.OnboardingContinue, resume, personal)
            .OnCommand(["restart onboarding", "recommencer la formation"], RestartAsync, personal)
            .OnAction(CardActions.OnboardingRestart, RestartAsync, personal)
            .OnCommand(["onboarding progress", "progression", "ma progression", "progression de formation", "my progress", "progress"], ProgressAsync, personal)
            .OnAction(CardActions.OnboardingProgress, ProgressAsync, personal)
            .OnCommand(["onboarding report", "rapport de formation"], ReportAsync,
                _conditions.ManagersOnly("onboarding.report.managersOnly"), _conditions.PersonalChatOnly("onboarding.report.personalOnly"))
            // Buttons of the lesson cards, which only a personal chat shows: lesson, question and option ids travel with them.
            .OnAction(CardActions.OnboardingQuestions, (dc, ct) =>
                BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Questions, Lesson: Field(dc, "lesson")), ct))
            .OnAction(CardActions.OnboardingReview, (dc, ct) =>
                BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Review, Lesson: Field(dc, "lesson")), ct))
            .OnAction(CardActions.OnboardingAnswer, (dc, ct) =>
                BeginAsync(dc, new OnboardingDialog.Request(OnboardingDialog.Intent.Answer, Field(dc, "lesson"), Field(dc, "question"), Field(dc, "option")), ct));
    }

    private async Task<bool> RestartAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var progress = await _progress.GetAsync(dc.Context, null, cancellationToken).ConfigureAwait(false) ?? new OnboardingProgress();
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        // Nothing to lose before she has started: no need to ask.
        await (progress.HasStarted()
            ? dc.BeginDialogAsync(RestartOnboardingDialog.DialogId, null, cancellationToken)
            : dc.BeginDialogAsync(OnboardingDialog.DialogId, new OnboardingDialog.Request(OnboardingDialog.Intent.Start), cancellationToken)).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> ProgressAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var current = await _progress.GetAsync(dc.Context, null, cancellationToken).ConfigureAwait(false) ?? new OnboardingProgress();
        current.Reconcile(_cards.Lessons);
        await dc.Context.SendCardAsync(_cards.Progress(current, TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Removes her line from the managers' report (her progress lives in her user-state document, which
    /// "forget me" deletes whole), keyed as <see cref="OnboardingRoster.StaffId"/> keys it, for the sender Teams
    /// confirmed. Returns whether there was a line.
    /// </summary>
    public Task<bool> ForgetAsync(ITurnContext turn, ConfirmedSender sender, CancellationToken cancellationToken = default) =>
        _roster.RemoveAsync(!string.IsNullOrEmpty(sender.AadObjectId) ? sender.AadObjectId : sender.Id, cancellationToken);

    private async Task<bool> ReportAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var roster = await _roster.ReadAsync(cancellationToken).ConfigureAwait(false);
        await dc.Context.SendCardAsync(_cards.Report(roster, TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string? Field(DialogContext dc, string name) => CardData.String(dc.Context.Activity.Value!.Value, name);

    private static async Task<bool> BeginAsync(DialogContext dc, OnboardingDialog.Request request, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(OnboardingDialog.DialogId, request, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
