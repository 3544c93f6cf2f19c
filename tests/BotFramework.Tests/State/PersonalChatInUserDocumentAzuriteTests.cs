using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Hosting;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using BotFramework.Tests.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static BotFramework.Tests.State.PersonalChatInstance;

namespace BotFramework.Tests.State;

/// <summary>
/// <see cref="ConversationState.KeepPersonalConversationsIn"/>, on a real Azurite: a personal chat's state is a part of
/// her user document, read once and written once per turn, by two instances over one container, each with its own
/// storage client, states and <see cref="StateCache"/>; channel threads keep their own documents.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class PersonalChatInUserDocumentAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string UserKey = "msteams/users/29:inside-user";
    private readonly string _containerName = $"inside-{Guid.NewGuid():N}";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private PersonalChatInstance _first = null!;
    private PersonalChatInstance _second = null!;

    public Task InitializeAsync()
    {
        _first = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "inside-user");
        _second = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "inside-user");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _first.Storage.Container.DeleteIfExistsAsync();

    /// <summary>
    /// Answers with her language (and "expired" when the chat started over); "fr"/"en" sets it; "effect" counts an
    /// effect outside the conversation; <paramref name="during"/> runs inside the turn, before it commits, each attempt.
    /// </summary>
    private static CallbackBot LanguageBot(PersonalChatInstance instance, Action? effect = null, Func<int, Task>? during = null)
    {
        var attempts = 0;
        return new(async (turn, ct) =>
        {
            var text = turn.Activity.Text;
            if (text is "fr" or "en") await instance.Language.SetAsync(turn, text, ct);
            if (text == "effect" && effect is not null) await TurnEffects.Of(turn).OnceAsync("effect", () => { effect(); return Task.CompletedTask; });
            var language = await instance.Language.GetAsync(turn, cancellationToken: ct) ?? "none";
            if (during is not null) await during(++attempts);
            await turn.SendActivityAsync((instance.Conversation.WasExpired(turn) ? "started over, " : "") + "language: " + language, ct);
        });
    }

    private async Task<JsonObject> StoredAsync() => (await _first.Storage.ReadAsync([UserKey]))[UserKey].Document;

    private static JsonObject ChatPart(JsonObject user, TestAdapter chat) =>
        user[BotState.PartsProperty]![chat.Conversation.Conversation!.Id!]!.AsObject();

    private static List<string> Handled(JsonObject part) =>
        [.. part[DeduplicationMiddleware.PropertyName]!.AsArray().Select(id => id!.GetValue<string>())];

    [Fact]
    public async Task ANewUsersPersonalChat_ReadsHerDocumentOnce_ThenWritesItOncePerTurn_AndNoConversationDocument()
    {
        var chat = _first.Personal();
        var bot = LanguageBot(_first);

        await chat.SendAsync(chat.MakeMessage("fr"), bot);
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Equal((1, 1), (_first.Counting.Reads, _first.Counting.Writes));

        _first.Counting.Reset();
        await chat.SendAsync(chat.MakeMessage("hello"), bot);
        await chat.SendAsync(chat.MakeMessage("hello"), bot);
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Equal((0, 2), (_first.Counting.Reads, _first.Counting.Writes));

        var user = await StoredAsync();
        Assert.Equal("fr", user["language"]!.GetValue<string>());
        Assert.Equal(3, Handled(ChatPart(user, chat)).Count);
        Assert.Empty(await _first.Storage.ReadAsync([ConversationState.KeyFor("msteams", chat.Conversation.Conversation!.Id!)]));
    }

    [Fact]
    public async Task AChannelThread_KeepsItsOwnDocument_AndHerPersonalChatStaysInHers()
    {
        var chat = _first.Personal();
        var thread = _first.Thread();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        await thread.SendAsync(thread.MakeMessage("hello"), LanguageBot(_first));

        Assert.Equal("language: fr", thread.GetNextReply()?.Text);
        var threadKey = ConversationState.KeyFor("msteams", thread.Conversation.Conversation!.Id!);
        Assert.Single(Handled((await _first.Storage.ReadAsync([threadKey]))[threadKey].Document));
        var parts = (await StoredAsync())[BotState.PartsProperty]!.AsObject();
        Assert.Equal([chat.Conversation.Conversation!.Id!], parts.Select(p => p.Key));
    }

    [Fact]
    public async Task AChatMovedToTheOtherInstance_AndBack_SeesItsLatestState_AndLosesNoHandledActivity()
    {
        var first = _first.Personal();
        var second = _second.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        await second.SendAsync(second.MakeMessage("en"), LanguageBot(_second));
        Drain(first);
        _first.Counting.Reset();

        // The first instance's copy is stale: its write fails (412), the turn runs again on the stored document.
        await first.SendAsync(first.MakeMessage("hello"), LanguageBot(_first));

        Assert.Equal("language: en", first.GetNextReply()?.Text);
        Assert.Null(first.GetNextReply());
        Assert.Equal(1, _first.Counting.Conflicts);
        Assert.Equal(3, Handled(ChatPart(await StoredAsync(), first)).Count);
    }

    [Fact]
    public async Task HerLanguageChangedInAChannel_WhileHerPersonalChatTurnRuns_IsNotLost_TheChatTurnRunsAgainAndSeesIt()
    {
        var chat = _first.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        Drain(chat);

        // While her personal chat's turn runs on the first instance (from its copy), she switches to English in a
        // channel thread handled by the second; the chat's turn then tries to commit.
        var thread = _second.Thread();
        var attempts = 0;
        var message = chat.MakeMessage("hello");
        await chat.SendAsync(message, LanguageBot(_first, during: async attempt =>
        {
            attempts = attempt;
            if (attempt == 1) await thread.SendAsync(thread.MakeMessage("en"), LanguageBot(_second));
        }));

        Assert.Equal(2, attempts);
        Assert.Equal("language: en", chat.GetNextReply()?.Text);
        Assert.Null(chat.GetNextReply());
        Assert.Equal("language: en", thread.GetNextReply()?.Text);
        var user = await StoredAsync();
        Assert.Equal("en", user["language"]!.GetValue<string>());
        Assert.Contains(message.Id!, Handled(ChatPart(user, chat)));
    }

    [Fact]
    public async Task HerPersonalChatWrittenOnAnotherInstance_WhileAChannelTurnChangesHerLanguage_KeepsTheChat_TheChannelTurnRunsAgain()
    {
        var chat = _second.Personal();
        var thread = _first.Thread();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_second));
        await thread.SendAsync(thread.MakeMessage("hello"), LanguageBot(_first));
        Drain(chat);
        Drain(thread);

        var handledInChat = chat.MakeMessage("hello");
        var attempts = 0;
        await thread.SendAsync(thread.MakeMessage("en"), LanguageBot(_first, during: async attempt =>
        {
            attempts = attempt;
            if (attempt == 1) await chat.SendAsync(handledInChat, LanguageBot(_second));
        }));

        Assert.Equal(2, attempts);
        Assert.Equal("language: en", thread.GetNextReply()?.Text);
        var user = await StoredAsync();
        Assert.Equal("en", user["language"]!.GetValue<string>());
        Assert.Equal(2, Handled(ChatPart(user, chat)).Count);
        Assert.Contains(handledInChat.Id!, Handled(ChatPart(user, chat)));
    }

    [Fact]
    public async Task ARedelivery_ToAnInstanceWhoseCopyMissesIt_HasNoEffectAgain_AndIsNotAnswered()
    {
        var effects = 0;
        var first = _first.Personal();
        var second = _second.Personal();
        await first.SendAsync(first.MakeMessage("en"), LanguageBot(_first, () => effects++));
        Drain(first);

        var activity = second.MakeMessage("effect");
        await second.SendAsync(activity, LanguageBot(_second, () => effects++));
        await first.SendAsync(activity.Clone(), LanguageBot(_first, () => effects++));

        Assert.Equal(1, effects);
        Assert.Null(first.GetNextReply());
    }

    [Fact]
    public async Task ForgetMe_OnTheOtherInstance_DeletesTheChatWithHerDocument_AndTheStaleCopyIsNeitherUsedNorWrittenBack()
    {
        var first = _first.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        Drain(first);

        // "Forget me" from a channel thread on the second instance: her document goes, and her chat with it.
        var thread = _second.Thread();
        var held = false;
        await thread.SendAsync(thread.MakeMessage("forget"), new CallbackBot(async (turn, ct) =>
        {
            held = await _second.User.HoldsConversationsAsync(turn, ct);
            await _second.User.DeleteAsync(turn, ct);
        }));
        Assert.True(held);
        Assert.Empty(await _first.Storage.ReadAsync([UserKey]));

        var next = first.MakeMessage("hello");
        await first.SendAsync(next, LanguageBot(_first));

        Assert.Equal("language: none", first.GetNextReply()?.Text);
        var user = await StoredAsync();
        Assert.Null(user["language"]);
        Assert.Equal([next.Id!], Handled(ChatPart(user, first)));
    }

    [Fact]
    public async Task ForgetMe_InThePersonalChat_DeletesHerDocument_AndNothingIsWrittenAgain()
    {
        var chat = _first.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        bool profile = false, part = false;
        await chat.SendAsync(chat.MakeMessage("forget"), new CallbackBot(async (turn, ct) =>
        {
            profile = await _first.User.DeleteAsync(turn, ct);
            part = await _first.Conversation.DeleteAsync(turn, ct);
        }));

        Assert.True(profile);
        Assert.True(part);
        Assert.Empty(await _first.Storage.ReadAsync([UserKey]));
    }

    [Fact]
    public async Task AChatChangedAfterHerDocumentWasDeletedInTheSameTurn_IsSavedAnew_NotLost()
    {
        var chat = _first.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        var step = _first.Conversation.CreateProperty<string>("step");
        await chat.SendAsync(chat.MakeMessage("again"), new CallbackBot(async (turn, ct) =>
        {
            await _first.User.DeleteAsync(turn, ct);
            await step.SetAsync(turn, "after the deletion", ct);
        }));

        var user = await StoredAsync();
        Assert.Null(user["language"]);
        Assert.Equal("after the deletion", ChatPart(user, chat)["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheChatExpiresAfterTheConversationExpiry_StartingOver_WhileHerProfileStays()
    {
        var chat = _first.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        await chat.SendAsync(chat.MakeMessage("hello"), LanguageBot(_first));
        Drain(chat);

        _clock.Advance(ConversationState.DefaultExpireAfter + TimeSpan.FromMinutes(1));
        var next = chat.MakeMessage("hello");
        await chat.SendAsync(next, LanguageBot(_first));

        Assert.Equal("started over, language: fr", chat.GetNextReply()?.Text);
        Assert.Equal([next.Id!], Handled(ChatPart(await StoredAsync(), chat)));

        await chat.SendAsync(chat.MakeMessage("hello"), LanguageBot(_first));
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
    }

    [Fact]
    public async Task TheSweeper_EmptiesExpiredChatsOutOfUserDocuments_KeepsProfilesAndRecentChats()
    {
        var old = _first.Personal();
        await old.SendAsync(old.MakeMessage("fr"), LanguageBot(_first));
        _clock.Advance(TimeSpan.FromHours(20));
        // Her profile is written again later from a channel: the document is recent, her chat in it is not.
        var thread = _first.Thread();
        await thread.SendAsync(thread.MakeMessage("en"), LanguageBot(_first));
        var recent = _first.Personal("inside-other");
        await recent.SendAsync(recent.MakeMessage("fr"), LanguageBot(_first));
        _clock.Advance(TimeSpan.FromHours(5));

        var sweeper = new ExpiredStateSweeper(_first.Storage, _first.Conversation, Options.Create(new BotFrameworkOptions()),
            new BotHostOptions().ExpiredStateSweepInterval, NullLogger<ExpiredStateSweeper>.Instance, _clock);
        Assert.Equal(1, await sweeper.SweepAsync());

        var user = await StoredAsync();
        Assert.Equal("en", user["language"]!.GetValue<string>());
        Assert.Null(user[BotState.PartsProperty]);
        const string otherKey = "msteams/users/29:inside-other";
        var other = (await _first.Storage.ReadAsync([otherKey]))[otherKey].Document;
        Assert.Single(Handled(ChatPart(other, recent)));
        Assert.Equal(0, await sweeper.SweepAsync());
    }

    [Fact]
    public async Task WithTheSweepsMargin_HerProfileWrittenFromAChannel_DropsAChatNearItsExpiry_ButKeepsAYoungerOne()
    {
        var early = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "inside-user", dropEarlyBy: TimeSpan.FromHours(1));
        var chat = early.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(early));
        Drain(chat);

        _clock.Advance(TimeSpan.FromHours(20));
        var thread = early.Thread();
        await thread.SendAsync(thread.MakeMessage("en"), LanguageBot(early));
        Assert.Single(Handled(ChatPart(await StoredAsync(), chat)));

        _clock.Advance(TimeSpan.FromHours(3.5));
        await thread.SendAsync(thread.MakeMessage("fr"), LanguageBot(early));

        var user = await StoredAsync();
        Assert.Equal("fr", user["language"]!.GetValue<string>());
        Assert.Null(user[BotState.PartsProperty]);
        await chat.SendAsync(chat.MakeMessage("hello"), LanguageBot(early));
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Single(Handled(ChatPart(await StoredAsync(), chat)));
    }

    [Fact]
    public async Task WithTheSweepsMargin_HerOwnTurn_KeepsHerChatNearItsExpiry()
    {
        var early = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "inside-user", dropEarlyBy: TimeSpan.FromHours(1));
        var chat = early.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(early));
        Drain(chat);

        _clock.Advance(TimeSpan.FromHours(23.5));
        await chat.SendAsync(chat.MakeMessage("hello"), LanguageBot(early));

        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Equal(2, Handled(ChatPart(await StoredAsync(), chat)).Count);
    }

    [Fact]
    public async Task WithTheSweepsMargin_TheSweeper_SkipsUserDocumentsWrittenWithinIt_AndEmptiesOlderOnes()
    {
        var early = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "inside-user", dropEarlyBy: TimeSpan.FromHours(1));
        // A document as no turn leaves it with the margin on: written just now, holding a chat untouched for 25 hours.
        var stale = new JsonObject
        {
            ["language"] = "fr",
            [BotState.PartsProperty] = new JsonObject { ["a:stale-chat"] = new JsonObject { [BotState.TouchedAtProperty] = JsonValue.Create(_clock.GetUtcNow() - TimeSpan.FromHours(25)) } },
        };
        await early.Storage.WriteAsync(new Dictionary<string, StoredDocument> { [UserKey] = new(stale, null) });
        ExpiredStateSweeper Sweeper(PersonalChatInstance instance) => new(instance.Storage, instance.Conversation, Options.Create(new BotFrameworkOptions()),
            new BotHostOptions().ExpiredStateSweepInterval, NullLogger<ExpiredStateSweeper>.Instance, _clock);

        Assert.Equal(0, await Sweeper(early).SweepAsync());
        Assert.NotNull((await StoredAsync())[BotState.PartsProperty]);

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Sweeper(early).SweepAsync());
        var user = await StoredAsync();
        Assert.Null(user[BotState.PartsProperty]);
        Assert.Equal("fr", user["language"]!.GetValue<string>());
    }
}
