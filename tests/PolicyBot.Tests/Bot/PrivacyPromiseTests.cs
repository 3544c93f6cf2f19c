using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Bot;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Situations;
using PolicyBot.Privacy;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// What the bot keeps is what "what do you keep about me" says, and "forget me" deletes all of it — from
/// wherever she asks, in every personal chat the bot keeps for her — while a shared thread stays.
/// </summary>
[Trait("Category", "Fast")]
public sealed class PrivacyPromiseTests : IAsyncLifetime
{
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static Func<Activity> Start(TestAdapter adapter, string situation) =>
        () => adapter.MakeSubmit(new { action = "situation", situation });

    [Fact]
    public Task TheCard_SaysWhatStaysAfterForgetMe_AndWhy() =>
        _bot.Flow(_bot.Adapter()).Send("what do you keep about me")
            .AssertReplyContains(
                "Where you are in a situation (the buttons you tapped, never your words), and any answer of mine Teams couldn't deliver yet — deleted after 24 hours without activity.",
                "The id of our personal chat, with your profile, so I can delete it if you ask me to forget you — even from a channel.",
                "Your own answer for each topic is kept with your profile so it counts only once",
                "your name and Entra id on the policy versions you saved, because the history must show who decided what.",
                "Never: what you type, names, places, stories.")
            .StartTestAsync();

    [Fact]
    public async Task TheCard_SaysHowLongDeletedDataCanBeRestored_WhenTheStorageKeepsIt()
    {
        await using var bot = new BotTestServices(new Dictionary<string, string?> { ["Storage:DeletedRetentionDays"] = "7" });

        await bot.Flow(bot.Adapter(locale: "fr-CA")).Send("ce que tu gardes sur moi")
            .AssertReplyContains("Ce que j'efface peut encore être restauré par votre équipe informatique pendant 7 jours (la corbeille du stockage), puis disparaît pour de bon.")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheCard_SaysNothingAboutRestoring_WhenTheStorageKeepsNothing()
    {
        var adapter = _bot.Adapter();
        await _bot.Flow(adapter).Send("what do you keep about me").StartTestAsync();

        Assert.DoesNotContain("restored", CardReader.VisibleText(adapter.ActiveQueue.Last()));
    }

    [Fact]
    public async Task ForgetMe_FromAChannel_DeletesHerPersonalChat_ButNotTheSharedThread()
    {
        var personal = _bot.Adapter(TestAdapter.PersonalChat("amelie"));
        var channel = _bot.Adapter(TestAdapter.ChannelThread("amelie"));
        await _bot.Flow(personal)
            .Send(Start(personal, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .StartTestAsync();
        var personalKey = ConversationState.KeyFor("msteams", personal.Conversation.Conversation!.Id!);
        var threadKey = ConversationState.KeyFor("msteams", channel.Conversation.Conversation!.Id!);
        var userKey = $"msteams/users/{personal.Conversation.User!.Id}";
        // Her personal chat's state is kept inside her user document.
        Assert.NotNull(await StoredChat.ReadAsync(_bot.Storage, personal.Conversation.User.Id!, personal.Conversation.Conversation.Id!));

        await _bot.Flow(channel)
            .Send(() => channel.MakeMention("forget me"))
            .AssertReplyContains("Do you want me to delete everything I keep about you")
            .Click("Yes, delete everything")
            .AssertReply("Done. I deleted: your profile (language choice, onboarding progress, feedback and acknowledgements given) and where you were in our personal chat.")
            .StartTestAsync();

        Assert.Empty(await _bot.Storage.ReadAsync([personalKey, userKey]));
        Assert.Single(await _bot.Storage.ReadAsync([threadKey]));
    }

    /// <summary>
    /// What the previous version stored for her: each personal chat's state in a document of its own, noted in her
    /// profile (<see cref="PrivacyFeature.ChatsProperty"/>). The bot now keeps the chat inside her profile and leaves
    /// those documents to expire, but "forget me" still deletes them.
    /// </summary>
    private async Task<string[]> StoreAsThePreviousVersionDidAsync(TestAdapter personal)
    {
        var chatId = personal.Conversation.Conversation!.Id!;
        var keys = new[] { ConversationState.KeyFor("msteams", chatId), ConversationState.KeyFor("msteams", "a:an-older-chat") };
        await _bot.Storage.WriteAsync(new Dictionary<string, StoredDocument>
        {
            [$"msteams/users/{personal.Conversation.User!.Id}"] = new(new JsonObject { [PrivacyFeature.ChatsProperty] = new JsonArray(chatId, "a:an-older-chat") }, null),
            [keys[0]] = new(new JsonObject { [DeduplicationMiddleware.PropertyName] = new JsonArray("activity-old-1") }, null),
            [keys[1]] = new(new JsonObject { [DeduplicationMiddleware.PropertyName] = new JsonArray("activity-old-2") }, null),
        });
        return keys;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForgetMe_InHerPersonalChatOrFromAChannel_AlsoDeletesTheChatDocumentsThePreviousVersionNoted(bool fromChannel)
    {
        var personal = _bot.Adapter(TestAdapter.PersonalChat("legacy-user"));
        var asked = fromChannel ? _bot.Adapter(TestAdapter.ChannelThread("legacy-user")) : personal;
        var legacy = await StoreAsThePreviousVersionDidAsync(personal);

        await _bot.Flow(asked)
            .Send(() => fromChannel ? asked.MakeMention("forget me") : asked.MakeMessage("forget me"))
            .AssertReplyContains("Do you want me to delete everything I keep about you")
            .Click("Yes, delete everything")
            .AssertReply("Done. I deleted: your profile (language choice, onboarding progress, feedback and acknowledgements given) and where you were in our personal chat.")
            .StartTestAsync();

        Assert.Empty(await _bot.Storage.ReadAsync([.. legacy, $"msteams/users/{personal.Conversation.User!.Id}"]));
    }

    [Fact]
    public async Task APersonalChat_NoLongerNotesItsIdApart_ItsStateIsInsideHerProfile()
    {
        var personal = _bot.Adapter(TestAdapter.PersonalChat("new-user"));
        await _bot.Flow(personal).Send(Start(personal, "hostile-comment")).AssertReplyContains("What does the comment mainly contain?").StartTestAsync();

        var profile = (await _bot.Storage.ReadAsync([$"msteams/users/{personal.Conversation.User!.Id}"])).Single().Value.Document;
        Assert.Null(profile[PrivacyFeature.ChatsProperty]);
        Assert.NotNull(await StoredChat.ReadAsync(_bot.Storage, personal.Conversation.User.Id!, personal.Conversation.Conversation!.Id!));
        Assert.Empty(await _bot.Storage.ReadAsync([ConversationState.KeyFor("msteams", personal.Conversation.Conversation.Id!)]));
    }

    [Fact]
    public async Task ForgetMe_WhenTeamsDoesNotKnowTheSenderAsTheActivitySays_DeletesNothing()
    {
        var adapter = _bot.Adapter().AsTeams();
        await _bot.Flow(adapter).Send("français").AssertReply("D'accord, je vous parle maintenant en français.").StartTestAsync();
        adapter.Members[adapter.Conversation.User!.Id!] = new ChannelAccount(adapter.Conversation.User.Id!, "Test User", "00000000-0000-0000-0000-0000000000ff");
        var userKey = $"msteams/users/{adapter.Conversation.User.Id}";

        await _bot.Flow(adapter)
            .Send("oublie-moi")
            .AssertReplyContains("Voulez-vous que j'efface tout ce que je garde sur vous")
            .Click("Oui, tout effacer")
            .AssertReply("Je n'ai pas pu confirmer auprès de Teams que cette demande vient bien de vous, alors je n'ai rien effacé. Réessayez dans un moment, depuis notre conversation privée.")
            .StartTestAsync();

        Assert.Single(await _bot.Storage.ReadAsync([userKey]));
    }

    [Fact]
    public async Task ForgetMe_ThroughTeams_AsksWhoSheIs_ThenDeletes()
    {
        var adapter = _bot.Adapter().AsTeams();
        await _bot.Flow(adapter)
            .Send("forget me")
            .AssertReplyContains("Do you want me to delete everything")
            .Click("Yes, delete everything")
            .AssertReply("Done. I deleted: your profile (language choice, onboarding progress, feedback and acknowledgements given) and where you were in our personal chat.")
            .StartTestAsync();

        Assert.Equal(1, adapter.MemberLookups);
    }

    [Fact]
    public async Task Helpful_ClickedAgain_CountsOnce_AndAChangedAnswerMovesHerCount()
    {
        var adapter = _bot.Adapter();
        var feedback = (bool helpful) => adapter.MakeSubmit(new { action = "feedback", topic = "unacceptable-content", helpful });
        await _bot.Flow(adapter)
            .Send(() => feedback(true)).AssertReply("Thank you! Your answer is counted, without your name.")
            .Send(() => feedback(true)).AssertReply("Thank you! Your answer is counted, without your name.")
            .Send(() => feedback(true))
            .StartTestAsync();
        Assert.Equal((1, 0), await StoredFeedback.CountsAsync(_bot.Services, "unacceptable-content"));

        await _bot.Flow(adapter).Send(() => feedback(false)).StartTestAsync();
        Assert.Equal((0, 1), await StoredFeedback.CountsAsync(_bot.Services, "unacceptable-content"));

        // Another person counts too.
        var other = _bot.Adapter(TestAdapter.PersonalChat("beth"));
        await _bot.Flow(other).Send(() => other.MakeSubmit(new { action = "feedback", topic = "unacceptable-content", helpful = true })).StartTestAsync();
        Assert.Equal((1, 1), await StoredFeedback.CountsAsync(_bot.Services, "unacceptable-content"));
    }

    [Fact]
    public async Task WhoAnsweredFeedback_IsKeptOnlyInTheirOwnProfile()
    {
        var adapter = _bot.Adapter();
        await _bot.Flow(adapter).Send(() => adapter.MakeSubmit(new { action = "feedback", topic = "unacceptable-content", helpful = true })).StartTestAsync();

        await _bot.Services.GetRequiredService<FeedbackCounter>().FlushAsync();
        var counts = (await _bot.Storage.ReadAsync([FeedbackCounter.Key])).Single().Value.Document.ToJsonString();
        Assert.DoesNotContain(adapter.Conversation.User!.Id!, counts);
        var profile = (await _bot.Storage.ReadAsync([$"msteams/users/{adapter.Conversation.User.Id}"])).Single().Value.Document;
        Assert.Equal("""{"unacceptable-content":true}""", profile[FeedbackCounter.GivenProperty]!.ToJsonString());
    }
}
