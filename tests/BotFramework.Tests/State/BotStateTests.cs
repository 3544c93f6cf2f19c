using BotFramework.State;

namespace BotFramework.Tests.State;

[Trait("Category", "Fast")]
public sealed class BotStateTests : BotStateTestBase
{
    [Fact]
    public async Task Turn_ReadsTheDocumentOnce_AndWritesNothingWhenNothingChanged()
    {
        await SaveProgressAsync("expenses", step: 1);
        Storage.Reset();

        var turn = Turns.Turn();
        await ProgressProperty.GetAsync(turn);
        await ProgressProperty.GetAsync(turn, () => new Progress());
        await Conversation.LoadAsync(turn);
        await Conversation.SaveChangesAsync(turn);
        await Conversation.SaveChangesAsync(turn);

        Assert.Equal(1, Storage.Reads);
        Assert.Equal(0, Storage.Writes);
    }

    [Fact]
    public async Task ReadingSeveralTypedProperties_WithoutChangingThem_WritesNothing()
    {
        var first = Turns.Turn();
        await ProgressProperty.SetAsync(first, new Progress { Topic = "travel", Step = 2, Choices = ["a", "b"] });
        await Conversation.CreateProperty<int>("attempts").SetAsync(first, 3);
        await Conversation.CreateProperty<string>("dialog").SetAsync(first, "policy");
        await Conversation.SaveChangesAsync(first);
        Storage.Reset();

        var turn = Turns.Turn();
        await Conversation.CreateProperty<string>("dialog").GetAsync(turn);
        await ProgressProperty.GetAsync(turn);
        await Conversation.CreateProperty<int>("attempts").GetAsync(turn);
        await Conversation.SaveChangesAsync(turn);

        Assert.Equal(0, Storage.Writes);
    }

    [Fact]
    public async Task AutoSave_SavesOnlyTheStatesTheTurnUsed_WithOneReadAndOneWrite()
    {
        Turns.Use(new AutoSaveStateMiddleware(Conversation, User));

        await Turns.ProcessActivityAsync(StateTestTurns.Message(), async (turn, ct) =>
        {
            var progress = await ProgressProperty.GetAsync(turn, () => new Progress(), ct);
            progress.Step++;
        });

        Assert.Equal(1, Storage.Reads);
        Assert.Equal(1, Storage.Writes);
        Assert.Equal([ConversationKey], await StoredKeysAsync());
    }

    [Fact]
    public async Task AutoSave_WhenTheTurnFails_SavesNothing()
    {
        Turns.Use(new AutoSaveStateMiddleware(Conversation, User));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Turns.ProcessActivityAsync(StateTestTurns.Message(), async (turn, ct) =>
        {
            await LanguageProperty.SetAsync(turn, "de", ct);
            throw new InvalidOperationException("the bot failed");
        }));

        Assert.Equal(0, Storage.Writes);
    }

    [Fact]
    public async Task ChangingAReturnedObjectInPlace_IsSaved()
    {
        var turn = Turns.Turn();
        var progress = await ProgressProperty.GetAsync(turn, () => new Progress());
        progress.Topic = "travel";
        progress.Choices.Add("flights");
        await Conversation.SaveChangesAsync(turn);

        var next = Turns.Turn();
        var loaded = await ProgressProperty.GetAsync(next);

        Assert.Equal("travel", loaded.Topic);
        Assert.Equal(["flights"], loaded.Choices);
        Assert.Same(loaded, await ProgressProperty.GetAsync(next));
    }

    [Fact]
    public async Task GetWithoutAFactory_ReturnsDefault_AndStoresNothing()
    {
        var turn = Turns.Turn();

        Assert.Null(await ProgressProperty.GetAsync(turn));
        Assert.Null(await LanguageProperty.GetAsync(turn));
        await Conversation.SaveChangesAsync(turn);
        await User.SaveChangesAsync(turn);

        Assert.Equal(0, Storage.Writes);
        Assert.Empty(await StoredKeysAsync());
    }

    [Fact]
    public async Task TwoTurnsThatReadTheSameETag_TheSecondSaveConflicts_AndTheFirstIsKept()
    {
        await SaveProgressAsync("expenses", step: 1);
        var first = Turns.Turn();
        var second = Turns.Turn();
        (await ProgressProperty.GetAsync(first)).Step = 2;
        (await ProgressProperty.GetAsync(second)).Step = 99;

        await Conversation.SaveChangesAsync(first);
        var conflict = await Assert.ThrowsAsync<EtagConflictException>(() => Conversation.SaveChangesAsync(second));

        Assert.Equal(ConversationKey, conflict.Key);
        Assert.Equal(2, (await ProgressProperty.GetAsync(Turns.Turn())).Step);
    }

    [Fact]
    public async Task TwoFirstTurnsOfANewConversation_TheSecondCreateConflicts()
    {
        var first = Turns.Turn();
        var second = Turns.Turn();
        await ProgressProperty.SetAsync(first, new Progress { Topic = "first" });
        await ProgressProperty.SetAsync(second, new Progress { Topic = "second" });

        await Conversation.SaveChangesAsync(first);

        await Assert.ThrowsAsync<EtagConflictException>(() => Conversation.SaveChangesAsync(second));
        Assert.Equal("first", (await ProgressProperty.GetAsync(Turns.Turn())).Topic);
    }

    [Fact]
    public async Task ATurnThatLosesTheRace_IsRunAgainOnFreshState_SoNoUpdateIsLost()
    {
        Turns.Use(new AutoSaveStateMiddleware(Conversation));
        await SaveProgressAsync("expenses", step: 1);
        var attempts = 0;

        await Turns.ProcessActivityAsync(StateTestTurns.Message(), async (turn, ct) =>
        {
            attempts++;
            (await ProgressProperty.GetAsync(turn, cancellationToken: ct)).Choices.Add("this turn");
            if (attempts == 1)
            {
                var otherInstance = Turns.Turn();
                (await ProgressProperty.GetAsync(otherInstance, cancellationToken: ct)).Choices.Add("another instance");
                await Conversation.SaveChangesAsync(otherInstance, cancellationToken: ct);
            }
        });

        Assert.Equal(2, attempts);
        Assert.Equal(["another instance", "this turn"], (await ProgressProperty.GetAsync(Turns.Turn())).Choices);
    }

    [Fact]
    public async Task SecondSaveInTheSameTurn_IsConditionalOnTheETagOfTheFirst()
    {
        var turn = Turns.Turn();
        var progress = await ProgressProperty.GetAsync(turn, () => new Progress());
        progress.Step = 1;
        await Conversation.SaveChangesAsync(turn);
        progress.Step = 2;
        await Conversation.SaveChangesAsync(turn);

        Assert.Equal(2, Storage.Writes);
        Assert.Equal(0, Storage.Conflicts);
        Assert.Equal(2, (await ProgressProperty.GetAsync(Turns.Turn())).Step);
    }

    [Fact]
    public async Task ForcedSave_WritesEvenWhenNothingChanged()
    {
        await SaveProgressAsync("expenses", step: 1);
        Storage.Reset();
        var turn = Turns.Turn();
        await Conversation.LoadAsync(turn);

        await Conversation.SaveChangesAsync(turn, force: true);

        Assert.Equal(1, Storage.Writes);
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentNow_AndTheTurnStartsFromNothing()
    {
        await SaveProgressAsync("expenses", step: 1);

        var turn = Turns.Turn();
        await ProgressProperty.GetAsync(turn);
        await Conversation.DeleteAsync(turn);

        Assert.Empty(await Storage.ReadAsync([ConversationKey]));
        Assert.False(Conversation.IsLoaded(turn));
        Assert.Null(await ProgressProperty.GetAsync(turn));
    }

    [Fact]
    public async Task PropertyDeleteAndSetNull_RemoveTheProperty()
    {
        var turn = Turns.Turn();
        await ProgressProperty.SetAsync(turn, new Progress { Topic = "a" });
        await Conversation.CreateProperty<string>("note").SetAsync(turn, "kept");
        await Conversation.SaveChangesAsync(turn);

        var next = Turns.Turn();
        await ProgressProperty.DeleteAsync(next);
        await Conversation.CreateProperty<string?>("note").SetAsync(next, null);
        await Conversation.SaveChangesAsync(next);

        var stored = (await Storage.ReadAsync([ConversationKey]))[ConversationKey].Document;
        Assert.Equal([BotState.TouchedAtProperty], stored.Select(p => p.Key));
    }

    [Fact]
    public void TheTimestampProperty_IsReserved()
    {
        Assert.Throws<ArgumentException>(() => Conversation.CreateProperty<string>(BotState.TouchedAtProperty));
    }
}
