using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Dialogs;

/// <summary>
/// A dialog made of dialogs: its own <see cref="DialogSet"/> and its own stack, kept in the
/// component's instance state under <c>dialogs</c>. It begins <see cref="InitialDialogId"/> and ends
/// with that dialog's result. When the inner stack is cancelled the component is cancelled with it
/// (and so is the stack holding it); when the inner stack was cleared (unknown dialog) the outer one is too.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStackKey = "dialogs";

    public ComponentDialog(string dialogId) : base(dialogId) { }

    /// <summary>The dialog begun with the component; by default the first one added.</summary>
    public string? InitialDialogId { get; set; }

    public DialogSet Dialogs { get; } = new();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerState = new DialogState();
        var innerDc = new DialogContext(Dialogs, outerDc.Context, innerState, outerDc);
        var turn = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, instance, innerState, turn, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerState = LoadInnerState(instance);
        var innerDc = new DialogContext(Dialogs, outerDc.Context, innerState, outerDc);
        var turn = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await FinishTurnAsync(outerDc, instance, innerState, turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The component only begins inner dialogs, so being resumed means: ask again, and wait.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerState = LoadInnerState(instance);
        var innerDc = new DialogContext(Dialogs, turnContext, innerState);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        SaveInnerState(instance, innerState);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerState = LoadInnerState(instance);
            var innerDc = new DialogContext(Dialogs, turnContext, innerState);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            SaveInnerState(instance, innerState);
        }
        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins the initial dialog with the component's options.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(InitialDialogId)) throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(InitialDialogId, options, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>Ends the component with the inner dialogs' result; override to shape that result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        outerDc.EndDialogAsync(result, cancellationToken);

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private async Task<DialogTurnResult> FinishTurnAsync(DialogContext outerDc, DialogInstance instance, DialogState innerState, DialogTurnResult turn, CancellationToken cancellationToken)
    {
        SaveInnerState(instance, innerState);
        if (innerState.DialogStack.Count > 0) return EndOfTurn;

        switch (turn.Status)
        {
            case DialogTurnStatus.Complete:
                return await EndComponentAsync(outerDc, turn.Result, cancellationToken).ConfigureAwait(false);
            case DialogTurnStatus.Empty:
                await outerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Empty);
            default:
                await outerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }
    }

    private static DialogState LoadInnerState(DialogInstance instance) =>
        instance.State[InnerStackKey]?.Deserialize<DialogState>(BotJson.Options) ?? new DialogState();

    private static void SaveInnerState(DialogInstance instance, DialogState innerState) =>
        instance.State[InnerStackKey] = JsonSerializer.SerializeToNode(innerState, BotJson.Options);
}
