using System.Text.Json.Nodes;
using BotFramework.Builder;

namespace BotFramework.Dialogs.Prompts;

/// <summary>Asks for free text; any message with non-blank text is an answer (a card submit without text is not).</summary>
public class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null) : base(dialogId, validator) { }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? new PromptRecognizerResult<string>()
            : new PromptRecognizerResult<string>(text.Trim()));
    }
}
