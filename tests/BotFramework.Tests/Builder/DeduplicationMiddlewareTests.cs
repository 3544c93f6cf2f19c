using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using BotFramework.Tests.State;

namespace BotFramework.Tests.Builder;

[Trait("Category", "Fast")]
public sealed class DeduplicationMiddlewareTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly TempFolder _folder = new();
    private readonly FileStorage _storage;

    public DeduplicationMiddlewareTests() => _storage = new FileStorage(_folder.Path);

    /// <summary>One bot host: its own conversation state over the shared storage, with the production middleware order.</summary>
    private TestAdapter Host(int remember = 20)
    {
        var state = new ConversationState(_storage);
        return new TestAdapter(middleware: [new AutoSaveStateMiddleware(state), new DeduplicationMiddleware(state, remember)]);
    }

    private static CallbackBot Replying() => new(async (turn, ct) => await turn.SendActivityAsync("answer to " + turn.Activity.Id, ct));

    private async Task<List<string>?> StoredIdsAsync(TestAdapter adapter)
    {
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation!.Id}";
        var found = await _storage.ReadAsync([key]);
        return found.TryGetValue(key, out var stored)
            ? stored.Document[DeduplicationMiddleware.PropertyName]?.AsArray().Select(n => n!.GetValue<string>()).ToList()
            : null;
    }

    [Fact]
    public async Task SameActivityDeliveredTwice_CallsTheBotOnce_AndRepliesOnce()
    {
        var adapter = Host();
        var bot = Replying();
        var activity = adapter.MakeMessage("post hostile");

        await adapter.SendAsync(activity, bot);
        await adapter.SendAsync(activity.Clone(), bot);

        Assert.Equal(1, bot.Calls);
        Assert.Equal(["answer to " + activity.Id], adapter.ActiveQueue.Select(a => a.Text));
        Assert.Equal([activity.Id!], await StoredIdsAsync(adapter));
    }

    [Fact]
    public async Task DifferentActivities_AreAllProcessed()
    {
        var adapter = Host();
        var bot = Replying();

        await adapter.SendAsync(adapter.MakeMessage("one"), bot);
        await adapter.SendAsync(adapter.MakeMessage("two"), bot);

        Assert.Equal(2, bot.Calls);
        Assert.Equal(2, adapter.ActiveQueue.Count);
    }

    [Fact]
    public async Task RedeliveryToAnotherHost_SharingTheStorage_IsRecognised()
    {
        var first = Host();
        var second = Host();
        var bot = Replying();
        var activity = first.MakeMessage("post hostile");

        await first.SendAsync(activity, bot);
        await second.SendAsync(activity.Clone(), bot);

        Assert.Equal(1, bot.Calls);
        Assert.Single(first.ActiveQueue);
        Assert.Empty(second.ActiveQueue);
    }

    [Fact]
    public async Task SimultaneousDeliveriesToTwoHosts_ReplyOnce()
    {
        var first = Host();
        var second = Host();
        var inside = 0;
        var bothInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = new CallbackBot(async (turn, ct) =>
        {
            if (Interlocked.Increment(ref inside) == 2) bothInside.SetResult();
            await bothInside.Task;
            await turn.SendActivityAsync("answer", ct);
        });
        var activity = first.MakeMessage("post hostile");

        // Both hosts read the conversation before either saves; the later save loses the ETag race, its
        // turn runs again, and then it sees the id. Its first attempt's reply is never delivered.
        await Task.WhenAll(first.SendAsync(activity, bot), second.SendAsync(activity.Clone(), bot)).WaitAsync(Guard);

        Assert.Equal(2, bot.Calls);
        Assert.Equal(1, first.ActiveQueue.Count + second.ActiveQueue.Count);
        Assert.Equal([activity.Id!], await StoredIdsAsync(first));
    }

    [Fact]
    public async Task DuplicateInvoke_GetsAnEmpty200_WithoutCallingTheBot()
    {
        var adapter = Host();
        var bot = new CallbackBot(turn => turn.InvokeResponse = new InvokeResponse(200, new { statusCode = 200, type = AdaptiveCardInvokeResponse.MessageType, value = "Reported." }));
        var invoke = adapter.MakeInvoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute", verb = "report" } });

        var first = await adapter.SendAsync(invoke, bot);
        var second = await adapter.SendAsync(invoke.Clone(), bot);

        Assert.Equal(1, bot.Calls);
        Assert.Equal(200, first!.Status);
        Assert.NotNull(first.Body);
        Assert.Equal(200, second!.Status);
        Assert.Null(second.Body);
    }

    [Fact]
    public async Task DuplicateMessage_HasNoInvokeResponse()
    {
        var adapter = Host();
        var activity = adapter.MakeMessage("hi");
        await adapter.SendAsync(activity, Replying());

        Assert.Null(await adapter.SendAsync(activity.Clone(), Replying()));
    }

    [Fact]
    public async Task RememberedIds_AreCapped_OldestForgottenFirst()
    {
        var adapter = Host(remember: 3);
        var bot = Replying();
        var sent = Enumerable.Range(1, 5).Select(i => adapter.MakeMessage($"message {i}")).ToList();
        foreach (var activity in sent) await adapter.SendAsync(activity, bot);

        Assert.Equal(sent.Skip(2).Select(a => a.Id!), await StoredIdsAsync(adapter));

        await adapter.SendAsync(sent[4].Clone(), bot);
        Assert.Equal(5, bot.Calls);
        await adapter.SendAsync(sent[0].Clone(), bot);
        Assert.Equal(6, bot.Calls);
        Assert.Equal([sent[3].Id!, sent[4].Id!, sent[0].Id!], await StoredIdsAsync(adapter));
    }

    [Fact]
    public async Task ATurnThatFailed_IsNotRemembered_SoItsRedeliveryRuns()
    {
        var adapter = Host();
        var fail = true;
        var bot = new CallbackBot(async (turn, ct) =>
        {
            if (fail) throw new InvalidOperationException("the bot failed");
            await turn.SendActivityAsync("answer", ct);
        });
        var activity = adapter.MakeMessage("hi");

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SendAsync(activity, bot));
        fail = false;
        await adapter.SendAsync(activity.Clone(), bot);

        Assert.Equal(2, bot.Calls);
        Assert.Equal("answer", adapter.GetNextReply()?.Text);
    }

    [Fact]
    public async Task ActivitiesWithoutId_AreAlwaysProcessed_AndNothingIsStored()
    {
        var adapter = Host();
        var bot = new CallbackBot(_ => { });
        var activity = adapter.MakeActivity(ActivityTypes.ConversationUpdate);
        activity.Id = null;

        await adapter.SendAsync(activity, bot);
        await adapter.SendAsync(activity.Clone(), bot);

        Assert.Equal(2, bot.Calls);
        Assert.Null(await StoredIdsAsync(adapter));
    }

    [Fact]
    public async Task Ids_AreKeptPerConversation()
    {
        var adapter = Host();
        var bot = new CallbackBot(_ => { });
        var personal = adapter.MakeMessage("hi");
        var sameIdElsewhere = personal.Clone();
        sameIdElsewhere.Conversation = new ConversationAccount("19:general@thread.tacv2;messageid=1", "channel");

        await adapter.SendAsync(personal, bot);
        await adapter.SendAsync(sameIdElsewhere, bot);

        Assert.Equal(2, bot.Calls);
    }

    [Fact]
    public void Remember_MustBePositive()
    {
        var state = new ConversationState(_storage);

        Assert.Throws<ArgumentOutOfRangeException>(() => new DeduplicationMiddleware(state, 0));
        Assert.Throws<ArgumentNullException>(() => new DeduplicationMiddleware(null!));
    }

    [Fact]
    public async Task StoredIds_LiveInTheConversationDocument_BesideTheBotsOwnState()
    {
        var state = new ConversationState(_storage);
        var topic = state.CreateProperty<string>("topic");
        var adapter = new TestAdapter(middleware: [new AutoSaveStateMiddleware(state), new DeduplicationMiddleware(state)]);
        var activity = adapter.MakeMessage("hi");

        await adapter.SendAsync(activity, new CallbackBot((turn, ct) => topic.SetAsync(turn, "expenses", ct)));

        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation!.Id}";
        var document = (await _storage.ReadAsync([key]))[key].Document;
        Assert.Equal("expenses", document["topic"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonArray(activity.Id), document[DeduplicationMiddleware.PropertyName]));
    }

    public void Dispose() => _folder.Dispose();
}
