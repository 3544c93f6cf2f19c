namespace BotFramework.Dialogs.Prompts;

/// <summary>Decides whether a recognised answer is acceptable. It may send its own message, which then replaces the retry prompt.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
