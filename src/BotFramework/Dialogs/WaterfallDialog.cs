using System.Text.Json.Nodes;
using BotFramework.Schema;

namespace BotFramework.Dialogs;

/// <summary>
/// A fixed sequence of steps. A step either waits (by beginning a prompt or child dialog, or
/// returning <see cref="Dialog.EndOfTurn"/>) or moves on with <see cref="WaterfallStepContext.NextAsync"/>;
/// the next step runs when the child ends or the user sends a message. Past the last step the
/// waterfall ends with the last result. State: <c>options</c>, <c>values</c>, <c>stepIndex</c>.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";
    private const string StepIndexKey = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId) => _steps = steps?.ToList() ?? [];

    public IReadOnlyList<WaterfallStep> Steps => _steps;

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = ActiveState(dc);
        state[OptionsKey] = DialogJson.ToNode(options);
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>Only messages move a waiting waterfall on; other activities leave it waiting.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message) return Task.FromResult(EndOfTurn);
        object? reply = activity.IsCardSubmit ? activity.Value!.Value : activity.Text;
        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, reply, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var index = ActiveState(dc)[StepIndexKey]?.GetValue<int>() ?? -1;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count) return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);

        var state = ActiveState(dc);
        state[StepIndexKey] = index;
        if (state[ValuesKey] is not JsonObject values)
        {
            values = new JsonObject();
            state[ValuesKey] = values;
        }
        var stepContext = new WaterfallStepContext(this, dc, state[OptionsKey], values, index, reason, result);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }

    private JsonObject ActiveState(DialogContext dc) =>
        dc.ActiveDialog is { } active && active.Id == Id
            ? active.State
            : throw new InvalidOperationException($"Waterfall '{Id}' is not the active dialog.");
}
