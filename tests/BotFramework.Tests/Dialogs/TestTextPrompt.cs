using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs.Prompts;

namespace BotFramework.Tests.Dialogs;

/// <summary>
/// A test fixture, not framework surface (the bot asks no free-text question): a <see cref="Prompt{T}"/> whose
/// answer is any message with non-blank text, so the tests of prompts, waterfalls and components have a
/// question to wait on.
/// </summary>
internal sealed class TestTextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(turnContext.Activity.Text)
            ? new PromptRecognizerResult<string>()
            : new PromptRecognizerResult<string>(turnContext.Activity.Text.Trim()));
}
