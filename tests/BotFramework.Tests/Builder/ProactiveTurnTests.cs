using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;

namespace BotFramework.Tests.Builder;

/// <summary>
/// Turns outside an incoming activity (posting in another conversation, updating a posted card) go through the
/// adapter like any other, so a test adapter sees them; and each attempt of a turn reads the activity as it arrived.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ProactiveTurnTests
{
    [Fact]
    public async Task ContinueConversation_DeliversWhatTheCallbackSends_AsANewMessageInThatConversation()
    {
        var adapter = new TestAdapter();
        var channel = TestAdapter.ChannelThread().Conversation!;
        var reference = new ConversationReference { ChannelId = Channels.MsTeams, ServiceUrl = "https://test.invalid/connector/", Conversation = channel, Bot = new ChannelAccount("28:bot", "Bot") };

        var sent = await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("Posted for everyone.", ct), CancellationToken.None);

        var message = Assert.Single(adapter.ActiveQueue);
        Assert.Equal("Posted for everyone.", message.Text);
        Assert.Null(message.ReplyToId);
        Assert.Equal(channel.Id, message.Conversation!.Id);
        Assert.Equal("28:bot", message.From!.Id);
        Assert.Equal(message.Id, Assert.Single(sent).Id);
    }

    [Fact]
    public async Task ContinueConversation_UpdatesAnActivityInPlace_WithoutSendingAnything()
    {
        var adapter = new TestAdapter();
        var reference = new ConversationReference { ChannelId = Channels.MsTeams, ServiceUrl = "https://test.invalid/connector/", Conversation = TestAdapter.ChannelThread().Conversation };
        var update = new Activity { Type = ActivityTypes.Message, Id = "message-7", Text = "Version 2" };

        await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.UpdateActivityAsync(update, ct), CancellationToken.None);

        Assert.Empty(adapter.ActiveQueue);
        var updated = Assert.Single(adapter.Updates);
        Assert.Equal("message-7", updated.Id);
        Assert.Equal(reference.Conversation!.Id, updated.Conversation!.Id);
    }

    [Fact]
    public async Task CreateConversation_IsRecorded_AndAnsweredWithTheNewThreadAndMessageIds()
    {
        var adapter = new TestAdapter();
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:general@thread.tacv2" } },
            Activity = Activity.CreateMessage("A card for the channel"),
        };

        var created = await adapter.CreateConversationAsync("https://test.invalid/connector/", parameters, CancellationToken.None);

        Assert.Same(parameters, Assert.Single(adapter.CreatedConversations));
        Assert.Equal($"19:general@thread.tacv2;messageid={created.ActivityId}", created.Id);
    }

    [Fact]
    public async Task AnAdapterWithoutAChannel_CannotCreateConversations()
    {
        var adapter = new WithoutChannel();

        await Assert.ThrowsAsync<NotSupportedException>(() => adapter.CreateConversationAsync("https://test.invalid/", new ConversationParameters(), CancellationToken.None));
    }

    [Fact]
    public async Task ATurnThatRunsAgain_ReadsTheActivityAsItArrived_NotAsTheFirstAttemptLeftIt()
    {
        var adapter = new TestAdapter();
        var seen = new List<string?>();
        var bot = new CallbackBot((turn, _) =>
        {
            seen.Add(turn.Activity.Text);
            if (seen.Count > 1) return Task.CompletedTask;
            turn.Activity.Text = "changed by the first attempt";
            throw new EtagConflictException("conversation");
        });
        var activity = adapter.MakeMessage("as typed");

        await adapter.SendAsync(activity, bot);

        Assert.Equal(["as typed", "as typed"], seen);
    }

    private sealed class WithoutChannel : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) => throw new NotSupportedException();
        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();
        public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
