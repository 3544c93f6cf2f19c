using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>; ends with a <see cref="FoundChoice"/>.
/// Answers by card button (<c>{"choice": value}</c>), by name, number, ordinal or close words — see
/// <see cref="ChoiceRecognizer"/>. A prompt activity without attachments gets the choices as a
/// numbered list under its text; one with attachments (the bot's own card) is sent as is.
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : base(dialogId, validator) { }

    protected override void ValidateOptions(PromptOptions options)
    {
        if (options.Choices is not { Count: > 0 }) throw new ArgumentException($"Choice prompt '{Id}' needs at least one choice.", nameof(options));
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ChoiceRecognizer.Recognize(turnContext.Activity, options.Choices ?? []) is { } found
            ? new PromptRecognizerResult<FoundChoice>(found)
            : new PromptRecognizerResult<FoundChoice>());

    protected override async Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = (isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt) ?? Activity.CreateMessage();
        if (activity.Attachments is not { Count: > 0 })
        {
            activity.Text = AppendList(activity.Text, options.Choices ?? []);
        }
        await turnContext.SendActivityAsync(PrepareForSending(activity), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question followed by "1. First choice", "2. Second choice"… one per line.</summary>
    public static string AppendList(string? text, IReadOnlyList<Choice> choices)
    {
        var list = string.Join("\n", choices.Select((choice, i) => $"{i + 1}. {choice.DisplayText}"));
        return string.IsNullOrWhiteSpace(text) ? list : $"{text}\n\n{list}";
    }
}
