using BotFramework.Builder;

namespace BotFramework.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> sees.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        Options = options;
        AttemptCount = attemptCount;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>How many answers the prompt has received, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }
}
