using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

/// <summary>
/// A test fixture, not framework surface (the bot's dialogs call <see cref="ChoiceRecognizer"/> themselves): a
/// <see cref="Prompt{T}"/> that asks its question with the choices numbered under it and ends with the
/// <see cref="FoundChoice"/> the recogniser finds.
/// </summary>
internal sealed class TestChoicePrompt(string dialogId, IReadOnlyList<Choice> choices) : Prompt<FoundChoice>(dialogId)
{
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ChoiceRecognizer.Recognize(turnContext.Activity, choices) is { } found
            ? new PromptRecognizerResult<FoundChoice>(found)
            : new PromptRecognizerResult<FoundChoice>());

    protected override async Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var question = (isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt) ?? Activity.CreateMessage();
        var list = string.Join("\n", choices.Select((choice, i) => $"{i + 1}. {choice.DisplayText}"));
        question.Text = string.IsNullOrWhiteSpace(question.Text) ? list : $"{question.Text}\n\n{list}";
        await turnContext.SendActivityAsync(PrepareForSending(question), cancellationToken);
    }
}
