using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;

namespace PolicyBot.Situations;

/// <summary>
/// Walks one guided situation: asks its button questions one at a time, then shows the guideline the
/// answers lead to, with those answers. Only the situation, question and option ids are kept in the
/// dialog state and on the buttons.
/// </summary>
public sealed class SituationDialog(GuidelineCards cards, SafetyCard safety) : Dialog(DialogId)
{
    public const string DialogId = "situation";

    private const string CarriedKey = "situation.carried";

    /// <summary>Where the dialog is: kept in its state, so a language switch re-asks the same question.</summary>
    public sealed class SituationPosition
    {
        public required string Situation { get; set; }
        public required string Question { get; set; }

        /// <summary>The topic the situation was started for (a topic button or a confident free-text match).</summary>
        public string? Topic { get; set; }

        /// <summary>An answer already given by clicking a button on a card, to apply at once.</summary>
        public string? Answer { get; set; }

        /// <summary>
        /// Answers the words that opened the situation already gave (question id → option id, never the words):
        /// each is applied, instead of asking, when its question comes.
        /// </summary>
        public Dictionary<string, string>? Given { get; set; }

        /// <summary>The answers given before <see cref="Question"/>, in order, as "question=option" ids.</summary>
        public List<string> Answered { get; set; } = [];
    }

    /// <summary>Ends whatever dialog is running and asks the situation's first question (<paramref name="topic"/>: the topic that led there, if any).</summary>
    public static Task StartAsync(DialogContext dc, Situation situation, string? topic, CancellationToken cancellationToken) =>
        StartAsync(dc, situation, topic, new Dictionary<string, string>(), cancellationToken);

    /// <summary>Starts a situation whose questions in <paramref name="given"/> are already answered: the first one left is asked.</summary>
    public static async Task StartAsync(DialogContext dc, Situation situation, string? topic, IReadOnlyDictionary<string, string> given, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        var step = new SituationPosition { Situation = situation.Id, Question = situation.Start, Topic = topic, Given = given.Count > 0 ? new Dictionary<string, string>(given, StringComparer.Ordinal) : null };
        await dc.BeginDialogAsync(DialogId, step, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken = default)
    {
        var step = options as SituationPosition ?? throw new ArgumentException("A situation starts with a SituationPosition.", nameof(options));
        if (!cards.Content.TryGetSituation(step.Situation, out var situation) || situation.Questions.All(q => q.Id != step.Question))
        {
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var answer = step.Answer;
        step.Answer = null;
        if (answer is not null && step.Given is null && dc.Context.TurnState.Get<SituationPosition>(CarriedKey) is { } carried
            && carried.Situation == step.Situation && carried.Question == step.Question)
        {
            step.Given = carried.Given;
        }
        // Answers come back from a card's button: keep only those this situation can have given.
        step.Answered = [.. step.Answered.Where(a => Option(situation, a) is not null).Distinct().Take(situation.Questions.Count)];
        Save(dc, step);
        if (answer is not null) return await ApplyAnswerAsync(dc, situation, step, answer, cancellationToken).ConfigureAwait(false);
        return await AskAsync(dc, situation, step, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is, whole, the label of a button of the question this situation is waiting
    /// on ("Insults, harassment, threats"): typed, it is that answer, not a message about danger. A button that
    /// means danger ends on the safety card itself.
    /// </summary>
    public static bool IsWaitingButton(DialogContext dc, ContentLibrary content, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || dc.ActiveDialog?.Id != DialogId || Load(dc) is not { } step) return false;
        if (!content.TryGetSituation(step.Situation, out var situation) || situation.Questions.All(q => q.Id != step.Question)) return false;
        var typed = text.Trim().TrimEnd('.', '!', '?').Trim();
        return situation.Question(step.Question).Options.Any(o =>
            string.Equals(o.Fr, typed, StringComparison.OrdinalIgnoreCase) || string.Equals(o.En, typed, StringComparison.OrdinalIgnoreCase));
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

    /// <summary>
    /// A button restarts the situation from the question it answers (the handler cancels and begins again, so
    /// older cards still work): when it answers the question this situation is waiting on, the answers the
    /// opening words gave are handed to the restart, within the turn, so they are not asked after all.
    /// </summary>
    public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled && instance.State["step"]?.Deserialize<SituationPosition>(BotJson.Options) is { Given.Count: > 0 } step)
        {
            turnContext.TurnState.Set(CarriedKey, step);
        }
        return base.EndDialogAsync(turnContext, instance, reason, cancellationToken);
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var step = instance.State["step"]?.Deserialize<SituationPosition>(BotJson.Options);
        if (step is not null && cards.Content.TryGetSituation(step.Situation, out var situation))
        {
            await AskQuestionAsync(turnContext, situation, step, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> ApplyAnswerAsync(DialogContext dc, Situation situation, SituationPosition step, string answer, CancellationToken cancellationToken)
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
            return await AskAsync(dc, situation, step, cancellationToken).ConfigureAwait(false);
        }
        if (option.Safety)
        {
            await ShowSafetyAsync(dc.Context, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var answers = step.Answered.Select(a => Option(situation, a)).OfType<SituationOption>().ToList();
        await ShowGuidelineAsync(dc.Context, new GuidelineCase(answers, option.Outcome), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(option.Outcome!.Topic, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the step's question, unless the words that opened the situation already answered it.</summary>
    private async Task<DialogTurnResult> AskAsync(DialogContext dc, Situation situation, SituationPosition step, CancellationToken cancellationToken)
    {
        if (step.Given is { } given && given.Remove(step.Question, out var answer))
        {
            Save(dc, step);
            return await ApplyAnswerAsync(dc, situation, step, answer, cancellationToken).ConfigureAwait(false);
        }
        await AskQuestionAsync(dc.Context, situation, step, cancellationToken).ConfigureAwait(false);
        return Dialog.EndOfTurn;
    }

    /// <summary>The option a "question=option" answer names, if the situation has it.</summary>
    private static SituationOption? Option(Situation situation, string answer)
    {
        var parts = answer.Split('=');
        if (parts.Length != 2) return null;
        return situation.Questions.FirstOrDefault(q => q.Id == parts[0])?.Options.FirstOrDefault(o => o.Id == parts[1]);
    }

    private Task AskQuestionAsync(ITurnContext turnContext, Situation situation, SituationPosition step, CancellationToken cancellationToken)
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

    /// <summary>
    /// An answer the guide does not cover and that may mean danger (a threat in a comment): no guideline, the
    /// safety card every danger message gets (with the shelter's own emergency instructions), led by why.
    /// </summary>
    private Task ShowSafetyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var info = TurnInfo.Of(turnContext);
        var card = safety.Build(info.Language, EmergencyInstructions.From(info.Choices),
            cards.Ui("situation.safety.title", info.Language), cards.Ui("situation.safety.notTheGuide", info.Language));
        var reply = Activity.CreateMessage();
        reply.Attachments = [card];
        return turnContext.SendActivityAsync(reply, cancellationToken);
    }

    private static List<Choice> Choices(SituationQuestion question, Language language) =>
        [.. question.Options.Select(o => new Choice { Value = o.Id, Title = o.Label(language), Synonyms = [o.Label(language.Other())] })];

    private static void Save(DialogContext dc, SituationPosition step) =>
        dc.ActiveDialog!.State["step"] = JsonSerializer.SerializeToNode(step, BotJson.Options);

    private static SituationPosition? Load(DialogContext dc) => dc.ActiveDialog?.State["step"]?.Deserialize<SituationPosition>(BotJson.Options);
}
