using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Dialogs;

/// <summary>
/// Walks one guided situation: asks its button questions one at a time, then shows the guideline the
/// answers lead to, with those answers. Only the situation, question and option ids are kept in the
/// dialog state and on the buttons.
/// </summary>
public sealed class SituationDialog(PolicyCards cards) : Dialog(DialogId)
{
    public const string DialogId = "situation";

    /// <summary>Where the dialog is: kept in its state, so a language switch re-asks the same question.</summary>
    public sealed class Step
    {
        public required string Situation { get; set; }
        public required string Question { get; set; }

        /// <summary>The topic the situation was started for (a topic button or a confident free-text match).</summary>
        public string? Topic { get; set; }

        /// <summary>An answer already given by clicking a button on a card, to apply at once.</summary>
        public string? Answer { get; set; }

        /// <summary>The answers given before <see cref="Question"/>, in order, as "question=option" ids.</summary>
        public List<string> Answered { get; set; } = [];
    }

    /// <summary>Ends whatever dialog is running and asks the situation's first question (<paramref name="topic"/>: the topic that led there, if any).</summary>
    public static async Task StartAsync(DialogContext dc, Situation situation, string? topic, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(DialogId, new Step { Situation = situation.Id, Question = situation.Start, Topic = topic }, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        var step = options as Step ?? throw new ArgumentException("A situation starts with a Step.", nameof(options));
        if (!cards.Content.TryGetSituation(step.Situation, out var situation) || situation.Questions.All(q => q.Id != step.Question))
        {
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var answer = step.Answer;
        step.Answer = null;
        // Answers come back from a card's button: keep only those this situation can have given.
        step.Answered = [.. step.Answered.Where(a => Option(situation, a) is not null).Distinct().Take(situation.Questions.Count)];
        Save(dc, step);
        if (answer is not null) return await ApplyAnswerAsync(dc, situation, step, answer, cancellationToken).ConfigureAwait(false);
        await AskQuestionAsync(dc.Context, situation, step, cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var step = Load(dc);
        if (step is null || !cards.Content.TryGetSituation(step.Situation, out var situation))
        {
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message) return Dialog.EndOfTurn;

        var question = situation.Question(step.Question);
        var language = TurnInfo.Of(dc.Context).Language;
        var found = ChoiceRecognizer.Recognize(activity.Text ?? "", Choices(question, language));
        if (found is null)
        {
            await dc.Context.SendActivityAsync(cards.Ui("question.retry", language), cancellationToken).ConfigureAwait(false);
            await AskQuestionAsync(dc.Context, situation, step, cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }
        return await ApplyAnswerAsync(dc, situation, step, found.Value, cancellationToken).ConfigureAwait(false);
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var step = instance.State["step"]?.Deserialize<Step>(BotJson.Options);
        if (step is not null && cards.Content.TryGetSituation(step.Situation, out var situation))
        {
            await AskQuestionAsync(turnContext, situation, step, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> ApplyAnswerAsync(DialogContext dc, Situation situation, Step step, string answer, CancellationToken cancellationToken)
    {
        var option = situation.Question(step.Question).Options.FirstOrDefault(o => o.Id == answer);
        if (option is null)
        {
            await AskQuestionAsync(dc.Context, situation, step, cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }
        step.Answered.Add($"{step.Question}={option.Id}");
        if (option.Next is not null)
        {
            step.Question = option.Next;
            Save(dc, step);
            await AskQuestionAsync(dc.Context, situation, step, cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        }
        var answers = step.Answered.Select(a => Option(situation, a)).OfType<SituationOption>().ToList();
        await ShowGuidelineAsync(dc.Context, new GuidelineCase(answers, option.Outcome), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(option.Outcome!.Topic, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The option a "question=option" answer names, if the situation has it.</summary>
    private static SituationOption? Option(Situation situation, string answer)
    {
        var parts = answer.Split('=');
        if (parts.Length != 2) return null;
        return situation.Questions.FirstOrDefault(q => q.Id == parts[0])?.Options.FirstOrDefault(o => o.Id == parts[1]);
    }

    private Task AskQuestionAsync(ITurnContext turnContext, Situation situation, Step step, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turnContext).Language;
        var card = cards.Question(situation, situation.Question(step.Question), language, step.Topic, step.Answered);
        var prompt = Activity.CreateMessage();
        prompt.InputHint = InputHints.ExpectingInput;
        prompt.Attachments = [card];
        return turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    /// <summary>Shows a topic's guideline when it is opened directly (a topic button, a confident match).</summary>
    public Task ShowGuidelineAsync(ITurnContext turnContext, SituationOutcome outcome, CancellationToken cancellationToken) =>
        ShowGuidelineAsync(turnContext, GuidelineCase.Of(outcome), cancellationToken);

    /// <summary>Shows the guideline a situation ended on, with the answers that led there.</summary>
    private Task ShowGuidelineAsync(ITurnContext turnContext, GuidelineCase situation, CancellationToken cancellationToken)
    {
        var info = TurnInfo.Of(turnContext);
        var topic = cards.Content.Topic(situation.Outcome!.Topic);
        var reply = Activity.CreateMessage();
        var shared = ConversationScope.IsShared(turnContext.Activity);
        reply.Attachments = [cards.Guideline(topic, info.Language, situation, info.Choices, info.IsManager, shared)];
        return turnContext.SendActivityAsync(reply, cancellationToken);
    }

    private static List<Choice> Choices(SituationQuestion question, Language language) =>
        [.. question.Options.Select(o => new Choice { Value = o.Id, Title = o.Label(language), Synonyms = [o.Label(language.Other())] })];

    private static void Save(DialogContext dc, Step step) =>
        dc.ActiveDialog!.State["step"] = JsonSerializer.SerializeToNode(step, BotJson.Options);

    private static Step? Load(DialogContext dc) => dc.ActiveDialog?.State["step"]?.Deserialize<Step>(BotJson.Options);
}
