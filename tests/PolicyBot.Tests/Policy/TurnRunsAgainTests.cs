using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Bot;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// When someone else saves a conversation's state while a turn runs, the turn runs again on fresh state
/// (its first replies are dropped). What it did outside the conversation must not happen twice: a channel
/// thread, a feedback count, a new policy version, an acknowledgement.
/// </summary>
[Trait("Category", "Host")]
public sealed class TurnRunsAgainTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    [Fact]
    public async Task ManagerPost_PostsOneThreadAndSaysSoOnce()
    {
        await using var bot = await PolicyScenario.StartWithCompetingWritesAsync();
        bot.CompeteOnceWithTheNextWriteOf("/conversations/" + PolicyScenario.ChannelId);

        var requests = await bot.TurnAsync(bot.ManagerInChannel.Mention("post connecting-with-others"));

        Assert.True(bot.CompetingWriteDone);
        Assert.Single(requests, r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var told = Assert.Single(requests, r => r.Path.Contains("messageid=1700000000500", StringComparison.Ordinal));
        Assert.Equal(Content.Ui("policy.post.done", Language.En, Content.Topic("connecting-with-others").En.Title), told.Activity!.Text);
        Assert.Single(await new PostedCardStoreReader(bot).AllAsync());
    }

    [Fact]
    public async Task HelpfulFeedback_IsCountedOnce()
    {
        await using var bot = await PolicyScenario.StartWithCompetingWritesAsync();
        // A personal chat's state is written with her user document (its commit point).
        bot.CompeteOnceWithTheNextWriteOf("/users/" + bot.StaffChat.UserId);

        var replies = await bot.RepliesAsync(bot.StaffChat.Submit(new { action = "feedback", topic = "unacceptable-content", helpful = true }));

        Assert.True(bot.CompetingWriteDone);
        Assert.Equal([Content.Ui("feedback.thanks", Language.En)], replies.Select(r => r.Text));
        Assert.Equal((1, 0), await StoredFeedback.CountsAsync(bot.Host.Services, "unacceptable-content"));
    }

    [Fact]
    public async Task PolicySave_CreatesOneVersion_AndTheManagerIsToldItWasSaved()
    {
        await using var bot = await PolicyScenario.StartWithCompetingWritesAsync();
        var editor = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();
        bot.CompeteOnceWithTheNextWriteOf("/users/" + bot.ManagerChat.UserId);

        var saved = (await bot.RepliesAsync(bot.ManagerChat.Submit(PolicyScenario.EditorSubmit(editor, ("follow-requests", "accept-all"))))).Single();

        Assert.True(bot.CompetingWriteDone);
        Assert.Contains("Saved: version 1", PolicyScenario.Visible(saved));
        Assert.Equal([1], (await bot.Store.HistoryAsync(10)).Select(v => v.Version));
    }
}
