using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Testing;

/// <summary>
/// A conversation script: <c>new TestFlow(adapter, bot).Send("hi").AssertReply(...).StartTestAsync()</c>.
/// Each step runs a whole turn, so replies are checked deterministically, without waiting.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly IBot _bot;
    private readonly IReadOnlyList<Func<TestFlowState, Task>> _steps;

    public TestFlow(TestAdapter adapter, IBot bot) : this(adapter, bot, []) { }

    private TestFlow(TestAdapter adapter, IBot bot, IReadOnlyList<Func<TestFlowState, Task>> steps)
    {
        _adapter = adapter;
        _bot = bot;
        _steps = steps;
    }

    private TestFlow Then(Func<TestFlowState, Task> step) => new(_adapter, _bot, [.. _steps, step]);

    /// <summary>Does something between turns (advance a clock, restart a host…).</summary>
    public TestFlow Then(Action action) => Then(_ =>
    {
        action();
        return Task.CompletedTask;
    });

    /// <summary>Does something asynchronous between turns.</summary>
    public TestFlow Then(Func<Task> action) => Then(_ => action());

    /// <summary>The user types <paramref name="text"/>.</summary>
    public TestFlow Send(string text) => Send(() => _adapter.MakeMessage(text));

    /// <summary>The user sends an activity (built when the step runs, so ids stay in order).</summary>
    public TestFlow Send(Func<Activity> activity) => Then(async state =>
        state.LastInvokeResponse = await _adapter.SendAsync(activity(), _bot).ConfigureAwait(false));

    public TestFlow Send(Activity activity) => Send(() => activity);

    /// <summary>The user clicks an Adaptive Card <c>Action.Submit</c> whose data is <paramref name="data"/>.</summary>
    public TestFlow Submit(object data) => Send(() => _adapter.MakeSubmit(data));

    /// <summary>The user clicks the button titled <paramref name="title"/> on the last card the bot sent.</summary>
    public TestFlow Click(string title) => Then(async state =>
    {
        var card = state.LastCardActivity ?? throw new TestFlowException($"Cannot click \"{title}\": the bot has not sent a card.");
        var action = CardReader.FindAction(card, title)
            ?? throw new TestFlowException($"No button \"{title}\" on the last card. Buttons: {string.Join(", ", CardReader.ActionTitles(card).Select(t => $"\"{t}\""))}.");
        Activity activity;
        if (action.Type == "Action.Execute")
        {
            activity = _adapter.MakeInvoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute", verb = action.Verb, data = action.Data } }, card.Id);
        }
        else
        {
            activity = _adapter.MakeSubmit(action.Data ?? (object)new { }, card.Id);
        }
        state.LastInvokeResponse = await _adapter.SendAsync(activity, _bot).ConfigureAwait(false);
    });

    /// <summary>The next message must have exactly this text.</summary>
    public TestFlow AssertReply(string expectedText) => AssertReply(reply =>
    {
        if (reply.Text != expectedText)
        {
            throw new TestFlowException($"Expected the reply \"{expectedText}\" but the bot said \"{reply.Text}\"{DescribeCard(reply)}.");
        }
    });

    /// <summary>The next message must satisfy <paramref name="check"/> (which throws when it does not).</summary>
    public TestFlow AssertReply(Action<Activity> check, string? description = null) => Then(state =>
    {
        var reply = _adapter.GetNextReply()
            ?? throw new TestFlowException($"Expected a reply{(description is null ? "" : $" ({description})")} but the bot sent nothing more.");
        if (reply.Attachments?.Any(a => a.ContentType == Attachment.AdaptiveCardContentType) == true) state.LastCardActivity = reply;
        check(reply);
        return Task.CompletedTask;
    });

    /// <summary>The next message must show every one of these strings to the user (text or card).</summary>
    public TestFlow AssertReplyContains(params string[] expected) => AssertReply(reply =>
    {
        var visible = CardReader.VisibleText(reply);
        var missing = expected.Where(e => !visible.Contains(e, StringComparison.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new TestFlowException($"The reply does not show {string.Join(", ", missing.Select(m => $"\"{m}\""))}. It shows:\n{visible}");
        }
    }, string.Join(" / ", expected));

    /// <summary>The bot must have sent nothing more.</summary>
    public TestFlow AssertNoReply() => Then(_ =>
    {
        var reply = _adapter.GetNextReply();
        if (reply is not null) throw new TestFlowException($"Expected no reply but the bot sent: {CardReader.VisibleText(reply)}");
        return Task.CompletedTask;
    });

    /// <summary>Check the last invoke response (status and body).</summary>
    public TestFlow AssertInvokeResponse(Action<InvokeResponse?> check) => Then(state =>
    {
        check(state.LastInvokeResponse);
        return Task.CompletedTask;
    });

    public async Task StartTestAsync()
    {
        var state = new TestFlowState();
        foreach (var step in _steps) await step(state).ConfigureAwait(false);
    }

    private static string DescribeCard(Activity reply) =>
        reply.Attachments is { Count: > 0 } ? $" with a card showing:\n{CardReader.VisibleText(reply)}" : "";

    private sealed class TestFlowState
    {
        public Activity? LastCardActivity { get; set; }
        public InvokeResponse? LastInvokeResponse { get; set; }
    }
}

public sealed class TestFlowException(string message) : Exception(message);
