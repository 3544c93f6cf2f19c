using System.Net;
using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// Channels and group chats: the bot answers @mentions in the thread; a manager's <c>post</c> puts a
/// policy card in the channel; the bot keeps a reference and updates the card when the policy changes.
/// </summary>
[Trait("Category", "Host")]
public sealed class PostedPolicyCardTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    [Fact]
    public async Task ChannelMention_IsAnsweredInTheThread_WithTheMentionStripped()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var mention = bot.StaffInChannel.Mention("help");

        var requests = await bot.TurnAsync(mention);

        var reply = Assert.Single(requests);
        Assert.Equal("POST", reply.Method);
        Assert.EndsWith($"/v3/conversations/{bot.StaffInChannel.ConversationId}/activities/{mention.Id}", reply.Path);
        Assert.Equal(mention.Id, reply.Activity!.ReplyToId);
        Assert.Equal(bot.StaffInChannel.ConversationId, reply.Activity.Conversation!.Id);
        // "<at>PolicyBot</at> help" was understood as the help command, so the mention was removed.
        Assert.Contains(Content.Ui("help.title", Language.En), CardReader.VisibleText(reply.Activity));
    }

    [Fact]
    public async Task ChannelMessageWithoutAMention_IsNotAnswered()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var requests = await bot.TurnAsync(bot.StaffInChannel.Message("help"));

        Assert.Empty(requests);
    }

    [Fact]
    public async Task ManagerPost_InAChannel_CreatesANewThreadWithThePolicyCard_AndKeepsAReference()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var requests = await bot.TurnAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));

        var create = Assert.Single(requests, r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var body = create.Activity!;
        Assert.True(body.Properties!["isGroup"].GetBoolean());
        Assert.Equal(TeamsActivities.TenantId, body.Properties["tenantId"].GetString());
        Assert.Equal(PolicyScenario.ChannelId, body.ChannelData!.Value.GetProperty("channel").GetProperty("id").GetString());
        var posted = body.Properties["activity"].Deserialize<Activity>(BotJson.Options)!;
        var card = CardReader.Cards(posted).Single();
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var refresh = card.GetProperty("refresh").GetProperty("action");
        Assert.Equal("Action.Execute", refresh.GetProperty("type").GetString());
        Assert.Equal("refreshPolicyCard", refresh.GetProperty("verb").GetString());
        Assert.Equal("connecting-with-others", refresh.GetProperty("data").GetProperty("topic").GetString());
        Assert.Contains(Content.Topic("connecting-with-others").En.Title, CardReader.VisibleText(posted));

        // The manager is told in the thread; the reference is kept for updates.
        var told = Assert.Single(requests, r => r.Path.Contains("messageid=1700000000500", StringComparison.Ordinal));
        Assert.Equal(Content.Ui("policy.post.done", Language.En, Content.Topic("connecting-with-others").En.Title), told.Activity!.Text);
        var reference = Assert.Single(await new PostedCardStoreReader(bot).AllAsync());
        Assert.StartsWith(PolicyScenario.ChannelId + ";messageid=", reference.ConversationId);
        Assert.Equal(reference.ConversationId, $"{PolicyScenario.ChannelId};messageid={reference.ActivityId}");
        Assert.Equal(PolicyScenario.TeamId, reference.TeamId);
        Assert.Equal(TeamsActivities.TenantId, reference.TenantId);
        Assert.Equal(bot.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(("connecting-with-others", 0, "en"), (reference.Topic, reference.Version, reference.Language));
    }

    [Fact]
    public async Task ManagerPost_WithWords_FindsTheTopic()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var requests = await bot.TurnAsync(bot.ManagerInChannel.Mention("post Who our page connects with"));

        Assert.Single(requests, r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("connecting-with-others", Assert.Single(await new PostedCardStoreReader(bot).AllAsync()).Topic);
    }

    [Fact]
    public async Task ManagerPost_InAGroupChat_SendsTheCardToTheChat()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var requests = await bot.TurnAsync(bot.ManagerInGroupChat.Mention("post survivor-posts-on-page"));

        var send = Assert.Single(requests, r => r.Path.EndsWith($"/v3/conversations/{bot.ManagerInGroupChat.ConversationId}/activities", StringComparison.Ordinal));
        Assert.Contains(Content.Topic("survivor-posts-on-page").En.Title, CardReader.VisibleText(send.Activity!));
        var reference = Assert.Single(await new PostedCardStoreReader(bot).AllAsync());
        Assert.Equal(bot.ManagerInGroupChat.ConversationId, reference.ConversationId);
    }

    [Fact]
    public async Task StaffAskingToPost_IsRefused_AndNothingIsPosted()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var requests = await bot.TurnAsync(bot.StaffInChannel.Mention("post connecting-with-others"));

        var reply = Assert.Single(requests);
        Assert.Equal(Content.Ui("policy.refused", Language.En), reply.Activity!.Text);
        Assert.Empty(await new PostedCardStoreReader(bot).AllAsync());
    }

    [Fact]
    public async Task StaffQuestionThatStartsWithPost_IsNotTakenForACommand()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var replies = await bot.RepliesAsync(bot.StaffInChannel.Mention("post a photo of the team on our page?"));

        Assert.DoesNotContain(replies, r => r.Text == Content.Ui("policy.refused", Language.En));
        Assert.NotEmpty(replies);
        Assert.Empty(await new PostedCardStoreReader(bot).AllAsync());
    }

    [Fact]
    public async Task ManagerTypingPostInAPersonalChat_IsToldHowToPostInAChannel()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var reply = (await bot.RepliesAsync(bot.ManagerChat.Message("post Who our page connects with"))).Single();

        Assert.Equal(Content.Ui("policy.post.howTo", Language.En, Content.Topic("connecting-with-others").En.Title), reply.Text);
    }

    [Fact]
    public async Task PostButtonInAPersonalChat_ExplainsHowToPostInAChannel()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var reply = (await bot.RepliesAsync(bot.ManagerChat.Submit(new { action = "post", topic = "what-to-post" }))).Single();

        Assert.Equal(Content.Ui("policy.post.howTo", Language.En, Content.Topic("what-to-post").En.Title), reply.Text);
    }

    [Fact]
    public async Task PostedCard_IsUpdatedInPlace_AfterAPolicyChange()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SendAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));
        await bot.SendAsync(bot.ManagerInChannel.Mention("post what-to-post"));
        var references = await new PostedCardStoreReader(bot).AllAsync();
        var follow = references.Single(r => r.Topic == "connecting-with-others");
        var label = Content.Topic("connecting-with-others").DecisionPoints.Single().En.Options["use-criteria"];

        var saved = await bot.SaveAsync(bot.ManagerChat, ("follow-requests", "use-criteria"));
        await bot.Updater.WhenIdleAsync();

        Assert.Contains("Saved: version 1", PolicyScenario.Visible(saved.Single()));
        // Only the card whose topic changed is replaced, through PUT of its message.
        var update = Assert.Single(bot.Connector.Updates);
        Assert.EndsWith($"/v3/conversations/{follow.ConversationId}/activities/{follow.ActivityId}", update.Path);
        Assert.Equal(follow.ActivityId, update.Activity!.Id);
        var visible = CardReader.VisibleText(update.Activity);
        Assert.Contains(label, visible);
        Assert.DoesNotContain(Content.Ui("guideline.notDecided", Language.En), visible);
        Assert.Equal("refreshPolicyCard", CardReader.Cards(update.Activity).Single().GetProperty("refresh").GetProperty("action").GetProperty("verb").GetString());
        var after = await new PostedCardStoreReader(bot).AllAsync();
        Assert.Equal(1, after.Single(r => r.Topic == "connecting-with-others").Version);
        Assert.Equal(0, after.Single(r => r.Topic == "what-to-post").Version);

        // A second pass has nothing left to do.
        Assert.Equal(new PostedCardUpdater.Report(0, 0, 0), await bot.Updater.UpdateNowAsync());
    }

    [Fact]
    public async Task ThrottledUpdate_IsRetriedAfterA429_AndSucceeds()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SendAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));
        await bot.Store.ChangeAsync(new PolicyAuthor("Morgane Manager", PolicyScenario.ManagerAad), new Dictionary<string, string?> { ["follow-requests"] = "accept-all" });
        bot.Connector.Fail(HttpStatusCode.TooManyRequests, "0");
        bot.Connector.Fail(HttpStatusCode.TooManyRequests);

        var report = await bot.Updater.UpdateNowAsync();

        Assert.Equal(new PostedCardUpdater.Report(1, 0, 0), report);
        Assert.Equal(0, bot.Connector.ScriptedAnswersLeft);
        Assert.Single(bot.Connector.Updates);
        Assert.Equal(1, Assert.Single(await new PostedCardStoreReader(bot).AllAsync()).Version);
    }

    [Fact]
    public async Task UpdateStillThrottledAfterEveryRetry_KeepsTheOldVersion_AndIsDoneAtTheNextPass()
    {
        await using var bot = await PolicyScenario.StartAsync(new Dictionary<string, string?> { ["Bot:ConnectorMaxRetries"] = "2" });
        await bot.SendAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));
        await bot.Store.ChangeAsync(new PolicyAuthor("Morgane Manager", PolicyScenario.ManagerAad), new Dictionary<string, string?> { ["follow-requests"] = "accept-all" });
        for (var i = 0; i < 3; i++) bot.Connector.Fail(HttpStatusCode.TooManyRequests, "0");

        Assert.Equal(new PostedCardUpdater.Report(0, 0, 1), await bot.Updater.UpdateNowAsync());
        Assert.Equal(0, Assert.Single(await new PostedCardStoreReader(bot).AllAsync()).Version);

        Assert.Equal(new PostedCardUpdater.Report(1, 0, 0), await bot.Updater.UpdateNowAsync());
        Assert.Single(bot.Connector.Updates);
    }

    [Fact]
    public async Task ACardWhoseConversationIsGone_IsForgotten()
    {
        await using var bot = await PolicyScenario.StartAsync(new Dictionary<string, string?> { ["Bot:ConnectorMaxRetries"] = "0" });
        await bot.SendAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));
        await bot.Store.ChangeAsync(new PolicyAuthor("Morgane Manager", PolicyScenario.ManagerAad), new Dictionary<string, string?> { ["follow-requests"] = "accept-all" });
        bot.Connector.Fail(HttpStatusCode.NotFound);

        Assert.Equal(new PostedCardUpdater.Report(0, 1, 0), await bot.Updater.UpdateNowAsync());
        Assert.Empty(await new PostedCardStoreReader(bot).AllAsync());
    }

    [Fact]
    public async Task BotRemovedFromTheTeam_ForgetsTheCardsItPostedThere()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SendAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));
        await bot.SendAsync(bot.ManagerInGroupChat.Mention("post what-to-post"));
        var removed = bot.ManagerInChannel.Of(ActivityTypes.InstallationUpdate);
        removed.Action = "remove";
        removed.Conversation = new ConversationAccount(PolicyScenario.TeamId, "channel", true, TeamsActivities.TenantId);

        await bot.SendAsync(removed);

        Assert.Equal("what-to-post", Assert.Single(await new PostedCardStoreReader(bot).AllAsync()).Topic);
    }
}

/// <summary>Reads the posted-card references the bot keeps.</summary>
internal sealed class PostedCardStoreReader(PolicyScenario bot)
{
    public Task<IReadOnlyList<PostedCard>> AllAsync() =>
        ((PostedCardStore)bot.Host.Services.GetService(typeof(PostedCardStore))!).AllAsync();
}
