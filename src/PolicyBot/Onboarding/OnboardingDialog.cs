using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;
using BotFramework.State;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;

namespace PolicyBot.Onboarding;

/// <summary>
/// Walks a person through the lessons: key points, then each scenario question with its explained
/// answer. The dialog keeps nothing of its own — where she is lives in user state as ids — so it
/// shows the same step after a language switch, in a new conversation, or after a restart. While it is
/// active, a typed number or answer label answers the question on screen.
/// </summary>
public sealed class OnboardingDialog(
    OnboardingLessons lessons,
    OnboardingCards cards,
    IStatePropertyAccessor<OnboardingProgress> progressAccessor,
    OnboardingRoster roster,
    TimeProvider time,
    IReadOnlyList<IOnboardingListener>? listeners = null) : Dialog(DialogId)
{
    public const string DialogId = "onboarding";

    public enum Intent
    {
        /// <summary>"onboarding": start if never started, else resume.</summary>
        Start,

        /// <summary>"continue": resume where she stopped.</summary>
        Continue,

        /// <summary>Start over from the first lesson (after the confirmation).</summary>
        Restart,

        /// <summary>From a lesson's key points to its first question.</summary>
        Questions,

        /// <summary>Show a lesson's key points again without moving.</summary>
        Review,

        /// <summary>An answer button: lesson, question and option ids.</summary>
        Answer,
    }

    /// <summary>What the dialog is begun for; passed in, never stored.</summary>
    public sealed record Request(Intent Intent, string? Lesson = null, string? Question = null, string? Option = null);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var request = options as Request ?? new Request(Intent.Continue);
        var turn = dc.Context;
        var language = TurnInfo.Of(turn).Language;
        var progress = await LoadAsync(turn, cancellationToken).ConfigureAwait(false);

        switch (request.Intent)
        {
            case Intent.Start when !progress.HasStarted():
            case Intent.Restart:
                progress.Start(lessons);
                await progressAccessor.SetAsync(turn, progress, cancellationToken).ConfigureAwait(false);
                await SayAsync(turn, request.Intent == Intent.Restart
                    ? cards.Ui("onboarding.restart.done", language)
                    : cards.Ui("onboarding.started", language, lessons.Count), cancellationToken).ConfigureAwait(false);
                await UpdateRosterAsync(turn, progress, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Start when progress.IsInProgress():
                await SayAsync(turn, cards.Ui("onboarding.resumed", language, lessons.Number(lessons.Find(progress.Lesson)!), lessons.Count), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Questions when lessons.Find(request.Lesson) is { } lesson:
                progress.BeginQuestions(lesson);
                break;
            case Intent.Review when lessons.Find(request.Lesson) is { } lesson:
                await turn.SendCardAsync(cards.Lesson(lesson, language), cancellationToken).ConfigureAwait(false);
                return progress.IsInProgress() ? EndOfTurn : await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case Intent.Answer:
                return await AnswerAsync(dc, progress, request, cancellationToken).ConfigureAwait(false);
        }
        return await ShowWhereSheIsAsync(dc, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A typed reply: an answer to the question on screen, or "next" on the key points.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var turn = dc.Context;
        if (turn.Activity.Type != ActivityTypes.Message) return EndOfTurn;
        var language = TurnInfo.Of(turn).Language;
        var progress = await LoadAsync(turn, cancellationToken).ConfigureAwait(false);
        if (!progress.IsInProgress()) return await ShowWhereSheIsAsync(dc, progress, cancellationToken).ConfigureAwait(false);

        var lesson = lessons.Find(progress.Lesson)!;
        if (lesson.FindQuestion(progress.Question) is { } question)
        {
            var choices = question.Options.Select(o => new Choice(o.Id, o.Text(language).Label, o.Text(language.Other()).Label)).ToList();
            if (ChoiceRecognizer.Recognize(turn.Activity, choices) is { } found)
            {
                return await AnswerAsync(dc, progress, new Request(Intent.Answer, lesson.Id, question.Id, found.Value), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var next = new Choice("questions", cards.Ui("onboarding.action.questions", language),
                cards.Ui("onboarding.action.questions", language.Other()), "next", "suivant", "ok", "go", "questions", "start", "commencer");
            if (ChoiceRecognizer.Recognize(turn.Activity, [next]) is not null)
            {
                progress.BeginQuestions(lesson);
                return await ShowWhereSheIsAsync(dc, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        await SayAsync(turn, cards.Ui("onboarding.typeHint", language), cancellationToken).ConfigureAwait(false);
        return await ShowWhereSheIsAsync(dc, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After help, a language switch or privacy: the same step again, in the current language.</summary>
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var progress = await LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (progress.IsInProgress()) await ShowStepAsync(turnContext, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnswerAsync(DialogContext dc, OnboardingProgress progress, Request request, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var info = TurnInfo.Of(turn);
        var lesson = lessons.Find(request.Lesson);
        var question = lesson?.FindQuestion(request.Question);
        var option = question?.FindOption(request.Option);
        if (lesson is null || question is null || option is null)
        {
            await SayAsync(turn, cards.Ui("onboarding.staleButton", info.Language), cancellationToken).ConfigureAwait(false);
            return await ShowWhereSheIsAsync(dc, progress, cancellationToken).ConfigureAwait(false);
        }

        var outcome = progress.Answer(lessons, lesson, question, option, time.GetUtcNow(), info.Choices.Version);
        await turn.SendCardAsync(cards.Feedback(lesson, question, option, outcome, progress, info.Language), cancellationToken).ConfigureAwait(false);
        if (outcome.CompletedLesson is not null) Conversation.PolicyBotTelemetry.LessonsCompleted.Add(1);
        if (outcome.CompletedLesson is not null) await UpdateRosterAsync(turn, progress, cancellationToken).ConfigureAwait(false);
        await TellListenersAsync(turn, progress, cancellationToken).ConfigureAwait(false);
        if (outcome.Finished)
        {
            await turn.SendCardAsync(cards.Complete(progress, info.Language), cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        return progress.IsInProgress() ? EndOfTurn : await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows the step she is on and stays active; or, when there is none, says why and ends.</summary>
    private async Task<DialogTurnResult> ShowWhereSheIsAsync(DialogContext dc, OnboardingProgress progress, CancellationToken cancellationToken)
    {
        await TellListenersAsync(dc.Context, progress, cancellationToken).ConfigureAwait(false);
        var turn = dc.Context;
        var language = TurnInfo.Of(turn).Language;
        if (progress.IsInProgress())
        {
            await ShowStepAsync(turn, progress, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }
        await turn.SendCardAsync(progress.IsFinished()
            ? cards.Complete(progress, language)
            : cards.Notice(cards.Ui("onboarding.notStarted", language), language, started: false), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private Task ShowStepAsync(ITurnContext turn, OnboardingProgress progress, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var lesson = lessons.Find(progress.Lesson)!;
        return lesson.FindQuestion(progress.Question) is { } question
            ? turn.SendCardAsync(cards.Question(lesson, question, language), cancellationToken, expectingInput: true)
            : turn.SendCardAsync(cards.Lesson(lesson, language), cancellationToken);
    }

    private async Task TellListenersAsync(ITurnContext turn, OnboardingProgress progress, CancellationToken cancellationToken)
    {
        if (!progress.HasStarted()) return;
        foreach (var listener in listeners ?? []) await listener.OnboardingTouchedAsync(turn, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Her progress; before she starts, an empty one that is not stored.</summary>
    private async Task<OnboardingProgress> LoadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var progress = await progressAccessor.GetAsync(turn, null, cancellationToken).ConfigureAwait(false) ?? new OnboardingProgress();
        progress.Reconcile(lessons);
        return progress;
    }

    /// <summary>Keeps her line of the managers' report in step: name, lessons completed, date finished.</summary>
    private Task UpdateRosterAsync(ITurnContext turn, OnboardingProgress progress, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (OnboardingRoster.StaffId(activity) is not { } staffId) return Task.CompletedTask;
        var completed = lessons.All.Count(l => progress.CompletedFor(l.Id) is not null);
        return roster.SetAsync(staffId, new RosterEntry(activity.From?.Name ?? "", completed, progress.FinishedAt), cancellationToken);
    }

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(text, cancellationToken);
}
