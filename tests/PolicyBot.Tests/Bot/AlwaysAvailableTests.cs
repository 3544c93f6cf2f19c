using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Knowledge;
using PolicyBot.Situations;

namespace PolicyBot.Tests.Bot;

/// <summary>Language, help, menu, cancel, start over, privacy and forget me — from anywhere, in both languages.</summary>
[Trait("Category", "Fast")]
public sealed class AlwaysAvailableTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices(configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private TestFlow Chat(string locale = "en-CA") => _bot.Flow(_bot.Adapter(locale: locale));

    private static Func<BotFramework.Schema.Activity> Start(TestAdapter adapter, string situation) =>
        () => adapter.MakeSubmit(new { action = "situation", situation });

    [Fact]
    public Task TheLanguage_FollowsTheTeamsLocale() =>
        _bot.Flow(_bot.Adapter(locale: "fr-CA")).Send("menu").AssertReplyContains("Quelle situation vivez-vous?", "Un commentaire hostile", "Commentaire qui identifie")
            .StartTestAsync();

    [Fact]
    public Task AnEnglishLocale_GetsEnglish() =>
        Chat("en-US").Send("menu").AssertReplyContains("What situation are you facing?", "A hostile comment", "Comment identifying someone").StartTestAsync();

    [Fact]
    public async Task SwitchingLanguage_InsideASituation_AsksTheSameQuestionInTheNewLanguage_AndIsRemembered()
    {
        var adapter = _bot.Adapter(locale: "fr-CA");
        await _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("Que contient surtout le commentaire?")
            .Send("english")
            .AssertReply("OK, I'll speak English with you from now on.")
            .AssertReplyContains("What does the comment mainly contain?", "Disagreement or criticism")
            .Send("1")
            .AssertReplyContains("What is the organisation's stance on comments?")
            .StartTestAsync();

        // A later conversation turn with the same French Teams locale still gets English: the choice is kept.
        await _bot.Flow(_bot.Adapter(locale: "fr-CA")).Send("menu").AssertReplyContains("What situation are you facing?").StartTestAsync();
    }

    [Fact]
    public Task Help_InsideASituation_ShowsHelp_ThenTheSameQuestion()
    {
        var adapter = _bot.Adapter();
        return _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("help")
            .AssertReplyContains("How to use me", "I'm not a crisis line")
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("4")
            .AssertReplyContains("Unacceptable content", "In your situation")
            .StartTestAsync();
    }

    [Fact]
    public Task Cancel_InsideASituation_StopsIt_AndANumberIsNoLongerAnAnswer()
    {
        var adapter = _bot.Adapter(locale: "fr-CA");
        return _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("Que contient surtout le commentaire?")
            .Send("Annuler")
            .AssertReply("C'est annulé. Tapez « menu » pour choisir une situation.")
            .Send("annuler")
            .AssertReply("Il n'y a rien à annuler.")
            .StartTestAsync();
    }

    [Fact]
    public Task StartOver_And_Menu_LeaveTheSituationForTheMenu()
    {
        var adapter = _bot.Adapter();
        return _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("start over")
            .AssertReplyContains("What situation are you facing?")
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("MENU")
            .AssertReplyContains("What situation are you facing?")
            .StartTestAsync();
    }

    [Fact]
    public Task WhatDoYouKeep_ListsExactlyWhatIsStored_AndForHowLong() =>
        Chat("fr-CA").Send("ce que tu gardes sur moi")
            .AssertReplyContains("Ce que je garde sur vous", "Votre choix de langue", "effacé après 24 heures sans activité", "Jamais : ce que vous tapez")
            .StartTestAsync();

    [Theory]
    [InlineData("Qu’est-ce que tu gardes")]
    [InlineData("qu`est-ce que tu gardes")]
    [InlineData("CE QUE TU GARDES  SUR MOI !")]
    [InlineData("ce que tu gardes\u00A0sur moi")]
    [InlineData("ce que tu gardes\tsur moi.")]
    public Task ACommand_TypedWithAnyApostropheCaseOrSpacing_IsTheCommand(string typed) =>
        Chat("fr-CA").Send(typed).AssertReplyContains("Ce que je garde sur vous").StartTestAsync();

    [Fact]
    public async Task ForgetMe_AsksFirst_ThenDeletesEveryDocumentAboutTheUser_AndSaysWhat()
    {
        var adapter = _bot.Adapter();
        await _bot.Flow(adapter).Send("français").AssertReply("D'accord, je vous parle maintenant en français.").StartTestAsync();
        var userKey = $"msteams/users/{adapter.Conversation.User!.Id}";
        var conversationKey = $"msteams/conversations/{adapter.Conversation.Conversation!.Id}";
        // Her personal chat's state is kept inside her user document.
        Assert.NotNull(await StoredChat.ReadAsync(_bot.Storage, adapter.Conversation.User.Id!, adapter.Conversation.Conversation.Id!));

        await _bot.Flow(adapter)
            .Send("oublie-moi")
            .AssertReplyContains("Voulez-vous que j'efface tout ce que je garde sur vous")
            .Click("Oui, tout effacer")
            .AssertReply("C'est fait. J'ai effacé : votre profil (choix de langue, progression de formation, réponses et confirmations données) et où vous en étiez dans notre conversation privée.")
            .StartTestAsync();

        Assert.Empty(await _bot.Storage.ReadAsync([userKey, conversationKey]));
    }

    [Fact]
    public async Task ForgetMe_AnsweredNo_KeepsEverything()
    {
        var adapter = _bot.Adapter();
        await _bot.Flow(adapter)
            .Send("english")
            .AssertReply("OK, I'll speak English with you from now on.")
            .Send("forget me")
            .AssertReplyContains("Do you want me to delete everything")
            .Send("no")
            .AssertReply("OK, I won't delete anything.")
            .StartTestAsync();
        Assert.Single(await _bot.Storage.ReadAsync([$"msteams/users/{adapter.Conversation.User!.Id}"]));
    }

    [Fact]
    public async Task Feedback_IsCountedPerTopic_WithNoUserIdAndNoText()
    {
        var adapter = _bot.Adapter();
        await _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Click("Details that identify someone")
            .AssertReplyContains("Was this helpful?")
            .Click("Helpful")
            .AssertReply("Thank you! Your answer is counted, without your name.")
            .StartTestAsync();

        Assert.Empty(await _bot.Storage.ReadAsync(["policybot/feedback"])); // counted once her turn is saved, written at the next flush
        await _bot.Services.GetRequiredService<FeedbackCounter>().FlushAsync();
        var stored = (await _bot.Storage.ReadAsync(["policybot/feedback"])).Single().Value.Document.ToJsonString();
        Assert.Equal("""{"unacceptable-content":{"helpful":1,"notHelpful":0}}""", stored);
    }

    [Fact]
    public async Task NothingTheUserTyped_IsStored()
    {
        var adapter = _bot.Adapter();
        await _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("zebra-quartz wrote something about a named person")
            .AssertReply("I didn't catch that. Tap a button, or type its number.")
            .AssertReplyContains("What does the comment mainly contain?")
            .Send("zebra-quartz")
            .StartTestAsync();

        var files = Directory.GetFiles(_bot.Folder, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.DoesNotContain("zebra", File.ReadAllText(f), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public Task ASituationLeftForMoreThanADay_StartsFresh()
    {
        var adapter = _bot.Adapter();
        return _bot.Flow(adapter)
            .Send(Start(adapter, "hostile-comment"))
            .AssertReplyContains("What does the comment mainly contain?")
            .Then(() => _clock.Advance(TimeSpan.FromHours(25)))
            .Send("1")
            .AssertReply("Our last conversation was more than a day ago, so we're starting fresh.")
            .AssertReply("I couldn't find a guideline that matches. If anyone is threatened or in danger right now, call 911 and follow your shelter's emergency procedure. Otherwise, pick a situation:")
            .AssertReplyContains("What situation are you facing?")
            .StartTestAsync();
    }

    [Fact]
    public Task AButtonOnAnOlderCard_StillAnswersItsQuestion()
    {
        var adapter = _bot.Adapter();
        return _bot.Flow(adapter)
            .Send("menu")
            .AssertReplyContains("What situation are you facing?")
            .Submit(new { choice = "identifying-info", situation = "hostile-comment", question = "what-kind" })
            .AssertReplyContains("Unacceptable content", "In your situation")
            .StartTestAsync();
    }
}
