namespace BotFramework.Dialogs.Prompts;

/// <summary>What a prompt understood of the user's answer.</summary>
public sealed class PromptRecognizerResult<T>
{
    public PromptRecognizerResult() { }

    public PromptRecognizerResult(T value)
    {
        Succeeded = true;
        Value = value;
    }

    public bool Succeeded { get; }

    public T? Value { get; }
}
