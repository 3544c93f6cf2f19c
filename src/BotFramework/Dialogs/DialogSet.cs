using BotFramework.Builder;
using BotFramework.State;

namespace BotFramework.Dialogs;

/// <summary>The dialogs a stack may hold, by id, and where that stack is stored.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    /// <summary>A set whose stack is stored in bot state through <paramref name="dialogState"/>.</summary>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState) =>
        _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));

    /// <summary>A set whose stack is stored by its owner (a <see cref="ComponentDialog"/>).</summary>
    public DialogSet() { }

    public IEnumerable<Dialog> Dialogs => _dialogs.Values;

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog)) return this;
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set ({existing}).");
        }
        _dialogs.Add(dialog.Id, dialog);
        return this;
    }

    public Dialog? Find(string dialogId) =>
        dialogId is not null && _dialogs.TryGetValue(dialogId, out var dialog) ? dialog : null;

    /// <summary>Loads the stack for this turn and returns a context to run dialogs on it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This dialog set has no state accessor; its owner creates its contexts.");
        }
        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            state = new DialogState();
            await _dialogState.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        }
        return new DialogContext(this, turnContext, state);
    }
}
