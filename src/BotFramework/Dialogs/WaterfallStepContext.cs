using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs.Prompts;

namespace BotFramework.Dialogs;

/// <summary>What a waterfall step sees: the turn, the dialog's options and values, and the previous step's result.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly JsonNode? _options;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, JsonNode? options, JsonObject values, int index, DialogReason reason, object? result)
    {
        _waterfall = waterfall;
        DialogContext = dc;
        _options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    /// <summary>The options the waterfall was begun with, as stored (JSON).</summary>
    public JsonNode? Options => _options;

    /// <summary>Scratch values kept from step to step (and turn to turn) in the dialog's state.</summary>
    public JsonObject Values { get; }

    /// <summary>Zero-based position of this step.</summary>
    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>
    /// The previous step's result: what a prompt or child dialog ended with, the value given to
    /// <see cref="NextAsync"/>, or the user's reply (its text; for a card submit, the <c>value</c> as a JsonElement).
    /// </summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was begun with, materialised as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() => DialogJson.FromNode<T>(_options);

    /// <summary>Runs the next step now, with <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled) throw new InvalidOperationException($"NextAsync was already called in step {Index} of waterfall '{_waterfall.Id}'.");
        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(DialogContext, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
