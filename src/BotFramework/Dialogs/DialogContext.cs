using BotFramework.Builder;
using BotFramework.Dialogs.Prompts;

namespace BotFramework.Dialogs;

/// <summary>
/// One dialog stack during one turn: begins, continues, ends and cancels the dialogs on it. The top
/// of the stack (index 0) is the active dialog. A stack that names a dialog this set no longer has
/// (a deploy removed or renamed it) is cleared, and the operation reports <see cref="DialogTurnStatus.Empty"/>.
/// </summary>
public sealed class DialogContext
{
    private readonly DialogState _state;

    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _state.DialogStack ??= [];
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack, active dialog first. Changes are stored with the state.</summary>
    public List<DialogInstance> Stack => _state.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The context of the stack that holds this one (a component's stack is held by its parent's).</summary>
    public DialogContext? Parent { get; }

    /// <summary>Finds a dialog in this set, then in the parents' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a new instance of the dialog and begins it with <paramref name="options"/> (stored as JSON).</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new ArgumentException($"No dialog with id '{dialogId}' was added to the dialog set.", nameof(dialogId));
        Stack.Insert(0, new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt: the same as <see cref="BeginDialogAsync"/> with typed options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn's activity to the active dialog; <see cref="DialogTurnStatus.Empty"/> if there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active) return new DialogTurnResult(DialogTurnStatus.Empty);
        var dialog = FindDialog(active.Id);
        if (dialog is null) return ClearUnknown();
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is not { } parent) return new DialogTurnResult(DialogTurnStatus.Complete, result);
        var dialog = FindDialog(parent.Id);
        if (dialog is null) return ClearUnknown();
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends every dialog on this stack with <see cref="DialogReason.CancelCalled"/>. Inside a
    /// component, the component and everything above it are cancelled as the result travels up.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        while (Stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog without resuming its parent, and begins another in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active) return;
        var dialog = FindDialog(active.Id);
        if (dialog is null)
        {
            ClearUnknown();
            return;
        }
        await dialog.RepromptDialogAsync(Context, active, cancellationToken).ConfigureAwait(false);
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active) return;
        Stack.RemoveAt(0);
        var dialog = FindDialog(active.Id);
        if (dialog is not null)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private DialogTurnResult ClearUnknown()
    {
        Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Empty);
    }
}
