using BotFramework.Schema;
using BotFramework.Testing;

namespace BotFramework.Tests.Testing;

[Trait("Category", "Fast")]
public sealed class TestAdapterTests
{
    [Fact]
    public void MakeActivity_AddressesATeamsPersonalChat_WithIncreasingIdsUniqueToTheAdapter()
    {
        var adapter = new TestAdapter();

        var first = adapter.MakeMessage("one");
        var second = adapter.MakeMessage("two");
        var another = new TestAdapter().MakeMessage("one");

        Assert.Matches("^activity-[0-9a-f]{8}-1$", first.Id);
        Assert.Equal(first.Id![..^1] + "2", second.Id);
        Assert.NotEqual(first.Id, another.Id);
        Assert.Equal(Channels.MsTeams, first.ChannelId);
        Assert.Equal("29:user1", first.From!.Id);
        Assert.Equal("28:bot", first.Recipient!.Id);
        Assert.Equal("a:user1-chat", first.Conversation!.Id);
        Assert.Equal("personal", first.Conversation.ConversationType);
        Assert.Equal("tenant-0001", first.GetTenantId());
        Assert.Equal("tenant-0001", first.GetTeamsChannelData()!.Tenant!.Id);
        Assert.Equal("en-US", first.Locale);
    }

    [Fact]
    public void MakeMention_IsWhatTeamsSendsInAChannel()
    {
        var adapter = new TestAdapter(TestAdapter.ChannelThread());

        var mention = adapter.MakeMention("post hostile");

        Assert.Equal("<at>PolicyBot</at> post hostile", mention.Text);
        Assert.True(mention.Mentions("28:bot"));
        Assert.Equal("channel", mention.Conversation!.ConversationType);
        Assert.Equal("post hostile", mention.RemoveMentionText("28:bot"));
    }

    [Fact]
    public void MakeSubmitAndInvoke_CarryTheirValues()
    {
        var adapter = new TestAdapter();

        var submit = adapter.MakeSubmit(new { verb = "report" }, replyToId: "sent-7");
        var invoke = adapter.MakeInvoke(InvokeNames.ComposeExtensionQuery, new { commandId = "search" });

        Assert.True(submit.IsCardSubmit);
        Assert.Equal("sent-7", submit.ReplyToId);
        Assert.Equal(ActivityTypes.Invoke, invoke.Type);
        Assert.Equal(InvokeNames.ComposeExtensionQuery, invoke.Name);
        Assert.Equal("search", invoke.Value!.Value.GetProperty("commandId").GetString());
    }

    [Fact]
    public void MakeBotAdded_PutsTheBotInMembersAdded()
    {
        var update = new TestAdapter().MakeBotAdded();

        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal(["28:bot", "29:user1"], update.MembersAdded!.Select(m => m.Id));
    }

    [Fact]
    public void PersonalChat_ForDifferentUsers_HasDifferentIds()
    {
        var alex = TestAdapter.PersonalChat("alex");
        var sam = TestAdapter.PersonalChat("sam");

        Assert.NotEqual(alex.Conversation!.Id, sam.Conversation!.Id);
        Assert.NotEqual(alex.User!.AadObjectId, sam.User!.AadObjectId);
        Assert.Equal(alex.User.AadObjectId, TestAdapter.PersonalChat("alex").User!.AadObjectId);
    }
}
