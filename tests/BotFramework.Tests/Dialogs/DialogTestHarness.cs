using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

/// <summary>
/// Talks to a dialog the way Teams would: each call is one turn through <see cref="BotAdapter.ProcessActivityAsync"/>
/// and returns what the bot sent in it. The dialog stack lives only as JSON between turns.
/// </summary>
internal sealed class DialogTestHarness : BotAdapter
{
    private readonly List<Activity> _sent = [];
    private readonly Func<ITurnContext, CancellationToken, Task<DialogTurnResult>> _bot;
    private int _nextId;

    /// <summary>A harness whose stack holds <paramref name="root"/>: each turn continues it, or begins it when no dialog is active.</summary>
    public DialogTestHarness(Dialog root) : this(root.Id, root) { }

    /// <summary>
    /// A harness whose stack may hold any of <paramref name="dialogs"/>: each turn continues the
    /// active dialog, or begins <paramref name="rootDialogId"/> when none is.
    /// </summary>
    public DialogTestHarness(string rootDialogId, params Dialog[] dialogs)
    {
        _bot = async (turnContext, ct) =>
        {
            var set = new DialogSet(State);
            foreach (var dialog in dialogs) set.Add(dialog);
            var dc = await set.CreateContextAsync(turnContext, ct);
            var result = await dc.ContinueDialogAsync(ct);
            return result.Status == DialogTurnStatus.Empty ? await dc.BeginDialogAsync(rootDialogId, null, ct) : result;
        };
    }

    /// <summary>A harness running custom turn logic on the stored dialog state.</summary>
    public DialogTestHarness(Func<ITurnContext, JsonRoundTripAccessor<DialogState>, CancellationToken, Task<DialogTurnResult>> bot)
    {
        _bot = (turnContext, ct) => bot(turnContext, State, ct);
    }

    public JsonRoundTripAccessor<DialogState> State { get; } = new();

    /// <summary>What the dialogs returned in the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>The stored stack, freshly deserialised (for assertions).</summary>
    public DialogState StoredState => State.Json is null ? new DialogState() : WireJson.Deserialize<DialogState>(State.Json)!;

    /// <summary>The user types <paramref name="text"/>.</summary>
    public Task<Replies> SendAsync(string text) => ProcessAsync(Activity.CreateMessage(text));

    /// <summary>The user presses an Adaptive Card Action.Submit button whose data is <paramref name="value"/>: a message with no text.</summary>
    public Task<Replies> SubmitAsync(object value) =>
        ProcessAsync(new Activity { Type = ActivityTypes.Message, Value = WireJson.ToElement(value) });

    public async Task<Replies> ProcessAsync(Activity activity)
    {
        activity.Id ??= $"{++_nextId}";
        activity.ChannelId ??= Channels.Test;
        activity.ServiceUrl ??= "https://test.example";
        activity.Conversation ??= new ConversationAccount("convo1");
        activity.From ??= new ChannelAccount("user1", "User1");
        activity.Recipient ??= new ChannelAccount("bot", "Bot");
        activity.Locale ??= "fr-FR";

        _sent.Clear();
        await ProcessActivityAsync(activity, async (turnContext, ct) =>
        {
            LastResult = await _bot(turnContext, ct);
            State.SaveChanges(turnContext);
        });
        return new Replies([.. _sent]);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        _sent.AddRange(activities);
        return Task.FromResult(activities.Select(_ => new ResourceResponse($"reply-{++_nextId}")).ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>What the bot sent in one turn.</summary>
internal sealed record Replies(IReadOnlyList<Activity> Activities)
{
    public IReadOnlyList<string?> Texts => [.. Activities.Select(a => a.Text)];
}
