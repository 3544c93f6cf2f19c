using BotFramework.Builder;
using BotFramework.State;

namespace BotFramework.Tests.State;

[Trait("Category", "Fast")]
public sealed class ConversationAndUserStateTests : BotStateTestBase
{
    [Fact]
    public async Task Save_StampsTheDocumentWithTheTimeOfTheWrite()
    {
        await SaveProgressAsync("expenses", step: 1);

        var stored = (await Storage.ReadAsync([ConversationKey]))[ConversationKey].Document;

        Assert.Equal(Start, stored[BotState.TouchedAtProperty]!.GetValue<DateTimeOffset>());
        Assert.Equal("expenses", stored["progress"]!["topic"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConversationUntouchedFor24Hours_StartsOver()
    {
        await SaveProgressAsync("expenses", step: 3);
        Clock.Advance(TimeSpan.FromHours(24));

        var turn = Turns.Turn();
        var progress = await ProgressProperty.GetAsync(turn, () => new Progress { Topic = "fresh" });

        Assert.True(Conversation.WasExpired(turn));
        Assert.Equal("fresh", progress.Topic);
        Assert.Equal(0, progress.Step);
    }

    [Fact]
    public async Task ConversationUntouchedFor23Hours_Resumes()
    {
        await SaveProgressAsync("expenses", step: 3);
        Clock.Advance(TimeSpan.FromHours(23));

        var turn = Turns.Turn();
        var progress = await ProgressProperty.GetAsync(turn);

        Assert.False(Conversation.WasExpired(turn));
        Assert.Equal(3, progress.Step);
    }

    [Fact]
    public async Task ExpiredConversation_IsStillSavedConditionally_OnTheETagItWasReadWith()
    {
        await SaveProgressAsync("expenses", step: 3);
        Clock.Advance(TimeSpan.FromDays(3));
        var expiredTurn = Turns.Turn();
        await Conversation.LoadAsync(expiredTurn);
        var otherTurn = Turns.Turn();
        await ProgressProperty.SetAsync(otherTurn, new Progress { Topic = "other" });
        await Conversation.SaveChangesAsync(otherTurn);

        await Assert.ThrowsAsync<EtagConflictException>(() => Conversation.SaveChangesAsync(expiredTurn));

        Assert.Equal("other", (await ProgressProperty.GetAsync(Turns.Turn())).Topic);
    }

    [Fact]
    public async Task ExpiredConversation_IsSavedEmpty_EvenIfTheTurnSetsNothing()
    {
        await SaveProgressAsync("expenses", step: 3);
        Clock.Advance(TimeSpan.FromDays(3));

        var turn = Turns.Turn();
        await Conversation.LoadAsync(turn);
        await Conversation.SaveChangesAsync(turn);

        var stored = (await Storage.ReadAsync([ConversationKey]))[ConversationKey].Document;
        Assert.Equal([BotState.TouchedAtProperty], stored.Select(p => p.Key));
    }

    [Fact]
    public async Task UserState_DoesNotExpireByDefault()
    {
        var turn = Turns.Turn();
        await LanguageProperty.SetAsync(turn, "fr");
        await User.SaveChangesAsync(turn);
        Clock.Advance(TimeSpan.FromDays(90));

        var later = Turns.Turn();

        Assert.Equal("fr", await LanguageProperty.GetAsync(later));
        Assert.False(User.WasExpired(later));
    }

    [Fact]
    public async Task Keys_AreChannelConversationAndChannelUser_LikeTheSdk()
    {
        var turn = Turns.Turn();
        await ProgressProperty.SetAsync(turn, new Progress());
        await LanguageProperty.SetAsync(turn, "en");
        await Task.WhenAll(Conversation.SaveChangesAsync(turn), User.SaveChangesAsync(turn));

        Assert.Equal([ConversationKey, UserKey], await StoredKeysAsync());
    }

    [Fact]
    public async Task UserState_IsSharedAcrossConversations_ConversationStateIsNot()
    {
        var first = Turns.Turn(conversation: "19:group@thread.v2");
        await LanguageProperty.SetAsync(first, "es");
        await ProgressProperty.SetAsync(first, new Progress { Topic = "group" });
        await Task.WhenAll(Conversation.SaveChangesAsync(first), User.SaveChangesAsync(first));

        var thread = Turns.Turn(conversation: "19:group@thread.v2;messageid=1700000000000");
        var otherChannel = Turns.Turn(channel: "emulator");

        Assert.Equal("es", await LanguageProperty.GetAsync(thread));
        Assert.Null(await ProgressProperty.GetAsync(thread));
        Assert.Null(await LanguageProperty.GetAsync(otherChannel));
    }

    [Fact]
    public async Task StateWithoutAConversationId_FailsWithAClearMessage()
    {
        var activity = StateTestTurns.Message();
        activity.Conversation = null;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProgressProperty.GetAsync(new TurnContext(Turns, activity)));

        Assert.Contains("conversation.id", error.Message);
    }
}
