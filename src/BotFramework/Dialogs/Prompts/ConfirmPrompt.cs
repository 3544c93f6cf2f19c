using System.Text.Json.Nodes;
using BotFramework.Builder;

namespace BotFramework.Dialogs.Prompts;

/// <summary>Asks a yes/no question; ends with true or false (see <see cref="ConfirmRecognizer"/> for what is understood).</summary>
public class ConfirmPrompt : Prompt<bool>
{
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : base(dialogId, validator) { }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(ConfirmRecognizer.Recognize(turnContext.Activity) is { } answer
            ? new PromptRecognizerResult<bool>(answer)
            : new PromptRecognizerResult<bool>());
}
