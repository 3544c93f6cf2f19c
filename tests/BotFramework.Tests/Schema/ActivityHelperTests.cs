using System.Text.Json;
using BotFramework.Schema;

namespace BotFramework.Tests.Schema;

[Trait("Category", "Fast")]
public sealed class ActivityHelperTests
{
    private static readonly ChannelAccount Bot = new(TeamsPayloads.BotId, "PolicyBot");
    private static readonly ChannelAccount Sam = new("29:1sam-other-user", "Sam Taylor");

    [Fact]
    public void RemoveMentionText_OfTheBot_LeavesTheCommand()
    {
        var activity = Message("<at>PolicyBot</at> post hostile", Entity.Mention(Bot));

        var text = activity.RemoveMentionText(Bot.Id);

        Assert.Equal("post hostile", text);
        Assert.Equal("post hostile", activity.Text);
    }

    [Fact]
    public void RemoveMentionText_FromTheWirePayload_LeavesTheCommand()
    {
        var activity = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;

        Assert.Equal("post hostile", activity.RemoveMentionText(TeamsPayloads.BotId));
    }

    [Fact]
    public void RemoveMentionText_WhenTheEntitySaysAtName_StillRemovesThePlainMarkup()
    {
        // Teams' own documentation shows text "<at>Name</at>" with entity text "<at>@Name</at>".
        var mention = new Entity { Type = "mention", Mentioned = Bot, Text = "<at>@PolicyBot</at>" };
        var activity = Message("<at>PolicyBot</at> post hostile", mention);

        Assert.Equal("post hostile", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_RemovesTheAtNameForm_FromTheText()
    {
        var activity = Message("<at>@PolicyBot</at> post hostile", Entity.Mention(Bot));

        Assert.Equal("post hostile", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_IgnoresCase()
    {
        var activity = Message("<AT>policybot</AT> post hostile", Entity.Mention(Bot));

        Assert.Equal("post hostile", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_InTheMiddle_LeavesOneSpace()
    {
        var activity = Message("please <at>PolicyBot</at> post hostile", Entity.Mention(Bot));

        Assert.Equal("please post hostile", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_LeavesAMentionOfAnotherUser()
    {
        var activity = Message("<at>PolicyBot</at> is <at>Sam Taylor</at> allowed to post this?", Entity.Mention(Bot), Entity.Mention(Sam));

        Assert.Equal("is <at>Sam Taylor</at> allowed to post this?", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_WhenOnlyAnotherUserIsMentioned_ChangesNothing()
    {
        const string text = "ask <at>Sam Taylor</at>  about this\n\nsecond paragraph ";
        var activity = Message(text, Entity.Mention(Sam));

        Assert.Equal(text, activity.RemoveMentionText(Bot.Id));
        Assert.Equal(text, activity.Text);
    }

    [Fact]
    public void RemoveMentionText_KeepsTheLineBreaksOfTheMessage()
    {
        var activity = Message("<at>PolicyBot</at> is this allowed?\n\n> quoted  post\n> second line", Entity.Mention(Bot));

        Assert.Equal("is this allowed?\n\n> quoted  post\n> second line", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_WithoutEntities_ChangesNothing()
    {
        var activity = Message(" <at>PolicyBot</at> post hostile ");

        Assert.Equal(" <at>PolicyBot</at> post hostile ", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_RemovesEveryMentionOfTheBot()
    {
        var activity = Message("<at>PolicyBot</at> help <at>PolicyBot</at>", Entity.Mention(Bot));

        Assert.Equal("help", activity.RemoveMentionText(Bot.Id));
    }

    [Fact]
    public void RemoveMentionText_TreatsTheNameLiterally()
    {
        var odd = new ChannelAccount("28:odd", "Policy.Bot (beta)*");
        var activity = Message("<at>Policy.Bot (beta)*</at> hi <at>PolicyXBot (beta)</at>", Entity.Mention(odd));

        Assert.Equal("hi <at>PolicyXBot (beta)</at>", activity.RemoveMentionText(odd.Id));
    }

    [Fact]
    public void Mentions_IsDecidedByEntities_NotByText()
    {
        var byText = Message("<at>PolicyBot</at> hi");
        var byEntity = Message("hi", Entity.Mention(Bot));

        Assert.False(byText.Mentions(Bot.Id));
        Assert.True(byEntity.Mentions(Bot.Id));
        Assert.False(byEntity.Mentions(Sam.Id));
        Assert.False(byEntity.Mentions(null));
    }

    [Fact]
    public void ApplyReplyAddressing_ToANewMessage_SwapsFromAndRecipient_KeepsTheConversation_AndRepliesToTheMessage()
    {
        var incoming = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;
        var reply = Activity.CreateMessage("Filed.");

        incoming.ApplyReplyAddressing(reply);

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Filed.", reply.Text);
        Assert.Equal(TeamsPayloads.BotId, reply.From!.Id);
        Assert.Equal("PolicyBot", reply.From.Name);
        Assert.Equal(TeamsPayloads.UserId, reply.Recipient!.Id);
        Assert.Equal(TeamsPayloads.ThreadId, reply.Conversation!.Id);
        Assert.Equal($"https://smba.trafficmanager.net/emea/{TeamsPayloads.TenantId}/", reply.ServiceUrl);
        Assert.Equal(Channels.MsTeams, reply.ChannelId);
        Assert.Equal("1740819600123", reply.ReplyToId);
        Assert.Equal("en-GB", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
        Assert.Null(reply.Entities);
        Assert.Null(reply.Value);
    }

    [Fact]
    public void ApplyReplyAddressing_KeepsWhatTheOutgoingActivityAlreadySet()
    {
        var incoming = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;
        var outgoing = Activity.CreateMessage("new thread");
        outgoing.Conversation = new ConversationAccount("19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2");
        outgoing.ReplyToId = "1740819500000";
        outgoing.Locale = "de-DE";

        incoming.ApplyReplyAddressing(outgoing);

        Assert.Equal("19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2", outgoing.Conversation.Id);
        Assert.Equal("1740819500000", outgoing.ReplyToId);
        Assert.Equal("de-DE", outgoing.Locale);
        Assert.Equal(TeamsPayloads.UserId, outgoing.Recipient!.Id);
    }

    [Fact]
    public void ApplyReplyAddressing_ToTyping_SetsNoReplyToId()
    {
        var incoming = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;
        var typing = Activity.CreateTyping();

        incoming.ApplyReplyAddressing(typing);

        Assert.Null(typing.ReplyToId);
        Assert.Equal(TeamsPayloads.ThreadId, typing.Conversation!.Id);
        Assert.Equal(TeamsPayloads.BotId, typing.From!.Id);
    }

    [Fact]
    public void GetTenantId_PrefersTheConversation()
    {
        var activity = WireJson.Deserialize<Activity>("""
            {"type":"message","conversation":{"id":"a:1","tenantId":"tenant-from-conversation"},"channelData":{"tenant":{"id":"tenant-from-channel-data"}}}
            """)!;

        Assert.Equal("tenant-from-conversation", activity.GetTenantId());
    }

    [Theory]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"},"channelData":{"tenant":{"id":"tenant-from-channel-data"}}}""", "tenant-from-channel-data")]
    [InlineData("""{"type":"message","conversation":{"id":"a:1","tenantId":""},"channelData":{"tenant":{"id":"tenant-from-channel-data"}}}""", "tenant-from-channel-data")]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"},"channelData":{"tenant":{"id":42}}}""", null)]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"},"channelData":{"tenant":"flat"}}""", null)]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"},"channelData":"text"}""", null)]
    [InlineData("""{"type":"message","conversation":{"id":"a:1"}}""", null)]
    public void GetTenantId_FallsBackToChannelData(string json, string? expected)
    {
        Assert.Equal(expected, WireJson.Deserialize<Activity>(json)!.GetTenantId());
    }

    [Theory]
    [InlineData("""{"type":"message","locale":"de-DE","entities":[{"type":"clientInfo","locale":"en-GB"}]}""", "de-DE")]
    [InlineData("""{"type":"message","entities":[{"type":"mention","text":"<at>x</at>"},{"type":"clientInfo","locale":"en-GB","country":"GB"}]}""", "en-GB")]
    [InlineData("""{"type":"message","locale":"","entities":[{"type":"ClientInfo","locale":"fr-CA"}]}""", "fr-CA")]
    [InlineData("""{"type":"message","entities":[{"type":"mention","locale":"xx-XX"}]}""", null)]
    [InlineData("""{"type":"message"}""", null)]
    public void GetLocale_FallsBackToTheClientInfoEntity(string json, string? expected)
    {
        Assert.Equal(expected, WireJson.Deserialize<Activity>(json)!.GetLocale());
    }

    [Theory]
    [InlineData("""{"type":"message","value":{"verb":"report"}}""", true)]
    [InlineData("""{"type":"message","text":"  ","value":{"verb":"report"}}""", true)]
    [InlineData("""{"type":"message","text":"report","value":{"verb":"report"}}""", false)]
    [InlineData("""{"type":"message","value":"report"}""", false)]
    [InlineData("""{"type":"message"}""", false)]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute"}}}""", false)]
    public void IsCardSubmit_IsAMessageWithObjectValueAndNoText(string json, bool expected)
    {
        var activity = WireJson.Deserialize<Activity>(json)!;

        Assert.Equal(expected, activity.IsCardSubmit);
        Assert.DoesNotContain("isCardSubmit", WireJson.Serialize(activity), StringComparison.OrdinalIgnoreCase);
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Entities = entities.Length == 0 ? null : [.. entities],
        Recipient = Bot,
        Value = null,
        ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = TeamsPayloads.TenantId } }),
    };
}
