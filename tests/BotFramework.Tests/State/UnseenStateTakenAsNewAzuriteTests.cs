using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using BotFramework.Tests.Builder;
using static BotFramework.Tests.State.PersonalChatInstance;

namespace BotFramework.Tests.State;

/// <summary>
/// <see cref="StateCache.GuessesUnseenAreNew"/> on a real Azurite, two instances over one container (each with its own
/// storage client, states and cache, wired as AddBotFramework wires them): a document an instance never met is taken
/// as new without a read, and whatever another instance stored is still seen before anything is answered or done.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class UnseenStateTakenAsNewAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string UserKey = "msteams/users/29:unseen-user";
    private readonly string _containerName = $"unseen-{Guid.NewGuid():N}";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private PersonalChatInstance _first = null!;
    private PersonalChatInstance _second = null!;

    public Task InitializeAsync()
    {
        _first = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "unseen-user", guessUnseenAreNew: true);
        _second = new PersonalChatInstance(new BlobStorage(azurite.ConnectionString, _containerName), _clock, "unseen-user", guessUnseenAreNew: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _first.Storage.Container.DeleteIfExistsAsync();

    /// <summary>
    /// Answers with her language ("started over, " first when the chat expired); "fr"/"en" sets it; "effect" counts an
    /// effect outside the conversation; "forget" deletes her document and says whether there was one.
    /// </summary>
    private static CallbackBot LanguageBot(PersonalChatInstance instance, Action? effect = null) => new(async (turn, ct) =>
    {
        var text = turn.Activity.Text;
        if (text == "forget")
        {
            await turn.SendActivityAsync("forgotten: " + (await instance.User.DeleteAsync(turn, ct) ? "yes" : "nothing was kept"), ct);
            return;
        }
        if (text is "fr" or "en") await instance.Language.SetAsync(turn, text, ct);
        if (text == "effect" && effect is not null) await TurnEffects.Of(turn).OnceAsync("effect", () => { effect(); return Task.CompletedTask; });
        var language = await instance.Language.GetAsync(turn, cancellationToken: ct) ?? "none";
        await turn.SendActivityAsync((instance.Conversation.WasExpired(turn) ? "started over, " : "") + "language: " + language, ct);
    });

    private async Task<JsonObject> StoredAsync() => (await _first.Storage.ReadAsync([UserKey]))[UserKey].Document;

    private static List<string> Handled(JsonObject user, TestAdapter chat) =>
        [.. user[BotState.PartsProperty]![chat.Conversation.Conversation!.Id!]![DeduplicationMiddleware.PropertyName]!.AsArray().Select(id => id!.GetValue<string>())];

    [Fact]
    public async Task ANewUsersFirstTurn_ReadsNothing_AndCreatesHerDocument()
    {
        var chat = _first.Personal();

        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Equal((0, 1, 0), (_first.Counting.Reads, _first.Counting.Writes, _first.Counting.Conflicts));

        _first.Counting.Reset();
        await chat.SendAsync(chat.MakeMessage("hello"), LanguageBot(_first));
        Assert.Equal("language: fr", chat.GetNextReply()?.Text);
        Assert.Equal((0, 1), (_first.Counting.Reads, _first.Counting.Writes));
        Assert.Equal(2, Handled(await StoredAsync(), chat).Count);
    }

    [Fact]
    public async Task AReturningUser_OnAnInstanceThatNeverMetHer_IsAnsweredFromHerStoredDocument_AfterOneFailedWrite()
    {
        var first = _first.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        Drain(first);

        var second = _second.Personal();
        await second.SendAsync(second.MakeMessage("hello"), LanguageBot(_second));

        // Only the answer of the run on her stored document is delivered.
        Assert.Equal("language: fr", second.GetNextReply()?.Text);
        Assert.Null(second.GetNextReply());
        Assert.Equal((1, 2, 1), (_second.Counting.Reads, _second.Counting.Writes, _second.Counting.Conflicts));
        Assert.Equal(2, Handled(await StoredAsync(), first).Count);

        // The second instance has met her now: her next turn there takes its copy.
        _second.Counting.Reset();
        await second.SendAsync(second.MakeMessage("hello"), LanguageBot(_second));
        Assert.Equal("language: fr", second.GetNextReply()?.Text);
        Assert.Equal((0, 1, 0), (_second.Counting.Reads, _second.Counting.Writes, _second.Counting.Conflicts));
    }

    [Fact]
    public async Task AnEffect_InATurnThatTookHerDocumentAsNew_HappensOnce_OnHerStoredDocument()
    {
        var first = _first.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        Drain(first);

        // The effect carries what the turn knows of her (her language): never what the empty guess showed.
        var effects = new List<string>();
        var second = _second.Personal();
        await second.SendAsync(second.MakeMessage("effect"), new CallbackBot(async (turn, ct) =>
        {
            var language = await _second.Language.GetAsync(turn, cancellationToken: ct) ?? "none";
            await TurnEffects.Of(turn).OnceAsync("effect", () => { effects.Add(language); return Task.CompletedTask; });
            await turn.SendActivityAsync("language: " + language, ct);
        }));

        Assert.Equal(["fr"], effects);
        Assert.Equal("language: fr", second.GetNextReply()?.Text);
        Assert.Null(second.GetNextReply());
    }

    [Fact]
    public async Task ARedelivery_ToAnInstanceThatNeverMetHer_HasNoEffectAgain_AndIsNotAnswered()
    {
        var effects = 0;
        var first = _first.Personal();
        var activity = first.MakeMessage("effect");
        await first.SendAsync(activity, LanguageBot(_first, () => effects++));
        Drain(first);

        var second = _second.Personal();
        await second.SendAsync(activity.Clone(), LanguageBot(_second, () => effects++));

        Assert.Equal(1, effects);
        Assert.Null(second.GetNextReply());
        Assert.Equal([activity.Id!], Handled(await StoredAsync(), first));
    }

    [Fact]
    public async Task ForgetMe_OnAnInstanceThatNeverMetHer_FindsAndDeletesHerDocument()
    {
        var first = _first.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        Drain(first);

        var second = _second.Personal();
        await second.SendAsync(second.MakeMessage("forget"), LanguageBot(_second));

        Assert.Equal("forgotten: yes", second.GetNextReply()?.Text);
        Assert.Null(second.GetNextReply());
        Assert.Empty(await _first.Storage.ReadAsync([UserKey]));
    }

    [Fact]
    public async Task AfterForgetMeElsewhere_AnInstanceThatNeverMetHer_StartsHerAnew_WithoutHerForgottenLanguage()
    {
        var first = _first.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        await first.SendAsync(first.MakeMessage("forget"), LanguageBot(_first));
        Drain(first);
        Assert.Empty(await _first.Storage.ReadAsync([UserKey]));

        var second = _second.Personal();
        var next = second.MakeMessage("hello");
        await second.SendAsync(next, LanguageBot(_second));

        Assert.Equal("language: none", second.GetNextReply()?.Text);
        var user = await StoredAsync();
        Assert.Null(user["language"]);
        Assert.Equal([next.Id!], Handled(user, second));
    }

    [Fact]
    public async Task AnExpiredChat_OnAnInstanceThatNeverMetHer_StartsOverWithTheNotice_AndKeepsHerLanguage()
    {
        var first = _first.Personal();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        Drain(first);

        _clock.Advance(ConversationState.DefaultExpireAfter + TimeSpan.FromMinutes(1));
        var second = _second.Personal();
        var next = second.MakeMessage("hello");
        await second.SendAsync(next, LanguageBot(_second));

        Assert.Equal("started over, language: fr", second.GetNextReply()?.Text);
        Assert.Null(second.GetNextReply());
        Assert.Equal([next.Id!], Handled(await StoredAsync(), second));
    }

    [Fact]
    public async Task ANewChannelThread_ReadsOnlyHerDocument_AndCreatesItsOwn()
    {
        var chat = _first.Personal();
        await chat.SendAsync(chat.MakeMessage("fr"), LanguageBot(_first));
        Drain(chat);

        var thread = _second.Thread();
        await thread.SendAsync(thread.MakeMessage("hello"), LanguageBot(_second));

        // Her document is vouched for by the thread's, so it is read, never guessed; the thread's own is created.
        Assert.Equal("language: fr", thread.GetNextReply()?.Text);
        Assert.Equal((1, 1, 0), (_second.Counting.Reads, _second.Counting.Writes, _second.Counting.Conflicts));
        var threadKey = ConversationState.KeyFor("msteams", thread.Conversation.Conversation!.Id!);
        Assert.Single((await _first.Storage.ReadAsync([threadKey]))[threadKey].Document[DeduplicationMiddleware.PropertyName]!.AsArray());
    }
}
