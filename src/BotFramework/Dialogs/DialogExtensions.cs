using BotFramework.Builder;
using BotFramework.State;

namespace BotFramework.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Runs a turn of <paramref name="dialog"/> as the root of the stack stored through
    /// <paramref name="accessor"/>: continues the active dialog, or begins this one when none is active (or the stored stack named a
    /// dialog that no longer exists). Meant for message turns.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false) ?? new DialogState();
        var dc = new DialogContext(new DialogSet(accessor).Add(dialog), turnContext, state);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }

        // The stack was changed in place; setting it tells the state it is dirty.
        await accessor.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
