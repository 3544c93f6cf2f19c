namespace BotFramework.Dialogs;

/// <summary>What a dialog operation left behind: the stack's status, and the result when a dialog ended.</summary>
public sealed class DialogTurnResult
{
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    public DialogTurnStatus Status { get; }

    public object? Result { get; }

    public override string ToString() => $"{Status} ({Result ?? "no result"})";
}
