using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks one question and ends with the typed answer. On begin it sends <see cref="PromptOptions.Prompt"/>;
/// on each message it recognises the answer, runs the validator (without one, recognition decides),
/// and either ends with the value or asks again — unless the validator already answered. Other
/// activities leave it waiting. State: <c>options</c> (the PromptOptions) and <c>attemptCount</c>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null) : base(dialogId) => _validator = validator;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not (PromptOptions or JsonObject))
        {
            throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        }

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = DialogJson.ToNode(options);
        state[AttemptCountKey] = 0;
        await OnPromptAsync(dc.Context, state, ReadOptions(state), isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message) return EndOfTurn;

        var state = dc.ActiveDialog!.State;
        var options = ReadOptions(state);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var attempt = (state[AttemptCountKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptCountKey] = attempt;

        var respondedBefore = dc.Context.Responded;
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempt), cancellationToken).ConfigureAwait(false);
        if (valid) return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);

        var validatorAnswered = !respondedBefore && dc.Context.Responded;
        if (!validatorAnswered)
        {
            await OnPromptAsync(dc.Context, state, ReadOptions(state), isRetry: true, cancellationToken).ConfigureAwait(false);
        }
        return EndOfTurn;
    }

    /// <summary>A prompt begins no children; if resumed anyway it asks again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, instance.State, ReadOptions(instance.State), isRetry: false, cancellationToken);
    }

    /// <summary>Sends the question: the retry prompt on a retry if there is one, else the prompt; marked as expecting input.</summary>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is null) return;
        await turnContext.SendActivityAsync(PrepareForSending(activity), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Understands the user's message.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>A message activity ready to send, expecting input unless it says otherwise.</summary>
    protected static Activity PrepareForSending(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.InputHint ??= InputHints.ExpectingInput;
        return activity;
    }

    // Options are read from the stored JSON on every use: each send gets a fresh Activity, and what
    // the prompt does is exactly what a later turn, reading the same JSON, would do.
    private static PromptOptions ReadOptions(JsonObject state) =>
        DialogJson.FromNode<PromptOptions>(state[OptionsKey]) ?? new PromptOptions();
}
