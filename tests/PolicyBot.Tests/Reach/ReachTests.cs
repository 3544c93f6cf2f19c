using System.Net;
using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Schema;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Knowledge;
using PolicyBot.Reach;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Reach;

/// <summary>
/// What the bot sends without being asked, seen the way Teams sees it: a person added to a team gets one personal
/// welcome (never two, also from two hosts sharing storage), a manager's <c>@PolicyBot onboarding @Name</c> sends
/// personal invitations and says in the thread who got one, anyone else is refused, Teams' 403 (she blocked the
/// bot) is recorded rather than retried, and "what do you keep" / "forget me" cover it.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ReachTests : IAsyncLifetime
{
    private const string ManagerAad = "00000000-0000-0000-0000-0000000000e1";
    private const string StaffAad = "00000000-0000-0000-0000-00000000c001";
    private const string TeamId = "19:team-0001@thread.tacv2";
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices(new Dictionary<string, string?> { ["PolicyBot:Managers:0"] = ManagerAad });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Ui(string key, Language language, params object[] args) => Content.Ui(key, language, args);

    /// <summary>Teams' <c>conversationUpdate</c> when people join a team where the app is installed.</summary>
    private static Activity MemberAdded(TestAdapter adapter, params ChannelAccount[] members)
    {
        var join = adapter.MakeActivity(ActivityTypes.ConversationUpdate);
        join.MembersAdded = [.. members];
        join.Conversation = new ConversationAccount(TeamId, "channel", isGroup: true, tenantId: "tenant-0001");
        join.ChannelData = JsonSerializer.SerializeToElement(new { eventType = "teamMemberAdded", team = new { id = TeamId }, tenant = new { id = "tenant-0001" } });
        return join;
    }

    private static ChannelAccount NewHire(string id = "29:new-hire-0001") => new(id, "Invented New Hire", "00000000-0000-0000-0000-00000000d001");

    private static List<string> CardTexts(Activity activity) =>
        [.. CardReader.Cards(activity).SelectMany(card => Strings(card))];

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name is "text" or "title" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("fr-CA", "fr")]
    public async Task APersonAddedToTheTeam_GetsOnePersonalWelcome_WithStartOnboarding_InTheLocale(string locale, string lang)
    {
        var language = Languages.Parse(lang);
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("installer"), locale);

        await _bot.Flow(adapter)
            .Send(MemberAdded(adapter, NewHire()))
            .AssertReply(welcome =>
            {
                var texts = CardTexts(welcome);
                Assert.Equal(Ui("reach.welcome.title", language), texts[0]);
                Assert.Contains(Ui("welcome.privacy", language), texts);
                Assert.Contains(Ui("reach.startOnboarding", language), texts);
                Assert.StartsWith("conversation;messageid=", welcome.Conversation!.Id, StringComparison.Ordinal);
            })
            .AssertNoReply()
            .StartTestAsync();

        var created = Assert.Single(adapter.CreatedConversations);
        Assert.Equal("29:new-hire-0001", Assert.Single(created.Members!).Id);
        Assert.Equal("tenant-0001", created.TenantId);
        Assert.False(created.IsGroup);
    }

    [Fact]
    public async Task TheSameJoin_DeliveredAgain_OrSeenByASecondHostOnTheSameStorage_DoesNotWelcomeTwice()
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("installer"));
        await _bot.Flow(adapter).Send(MemberAdded(adapter, NewHire())).AssertReplyContains(Ui("reach.welcome.title", Language.En)).StartTestAsync();
        await _bot.Flow(adapter).Send(MemberAdded(adapter, NewHire())).AssertNoReply().StartTestAsync();

        await using var secondHost = new BotTestServices(folder: _bot.Folder);
        var other = secondHost.Adapter(TestAdapter.ChannelThread("installer"));
        await secondHost.Flow(other).Send(MemberAdded(other, NewHire())).AssertNoReply().StartTestAsync();

        Assert.Single(adapter.CreatedConversations);
        Assert.Empty(other.CreatedConversations);
    }

    [Fact]
    public async Task TwoPeopleJoiningTogether_EachGetTheirOwnWelcome_AndTheBotItselfIsNotWelcomed()
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("installer"));
        var bot = adapter.Conversation.Bot!;

        await _bot.Flow(adapter)
            .Send(MemberAdded(adapter, NewHire("29:new-hire-0001"), NewHire("29:new-hire-0002"), bot))
            .StartTestAsync();

        Assert.Equal(["29:new-hire-0001", "29:new-hire-0002"], adapter.CreatedConversations.Select(c => c.Members![0].Id));
    }

    [Fact]
    public async Task WithTheWelcomeTurnedOff_AJoinSendsNothing()
    {
        await using var bot = new BotTestServices(new Dictionary<string, string?> { ["PolicyBot:Reach:WelcomeNewTeamMembers"] = "false" });
        var adapter = bot.Adapter(TestAdapter.ChannelThread("installer"));

        await bot.Flow(adapter).Send(MemberAdded(adapter, NewHire())).AssertNoReply().StartTestAsync();

        Assert.Empty(adapter.CreatedConversations);
    }

    [Fact]
    public async Task AMemberAddedToAGroupChat_IsNotWelcomed_OnlyTeamJoinsAre()
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("installer"));
        var groupJoin = MemberAdded(adapter, NewHire());
        groupJoin.ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-0001" } });

        await _bot.Flow(adapter).Send(groupJoin).AssertNoReply().StartTestAsync();

        Assert.Empty(adapter.CreatedConversations);
    }

    [Fact]
    public async Task WhenSheBlockedTheBot_TheJoinIsAnsweredWithoutError_RecordedUnreachable_AndNotRetried()
    {
        var adapter = new BlockingAdapter(TestAdapter.ChannelThread("installer"), _bot);

        await _bot.Flow(adapter).Send(MemberAdded(adapter, NewHire())).AssertNoReply().StartTestAsync();
        await _bot.Flow(adapter).Send(MemberAdded(adapter, NewHire())).AssertNoReply().StartTestAsync();

        Assert.Equal(1, adapter.Attempts);
        var record = await _bot.Services.GetRequiredService<ReachStore>().ReadAsync("29:new-hire-0001");
        Assert.True(record!.Unreachable);
        Assert.Null(record.Chat);
    }

    private TestAdapter ManagerInChannel(string locale = "en-US")
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("manager", ManagerAad), locale).AsTeams();
        return adapter;
    }

    private static Activity Invitation(TestAdapter adapter, string word, params ChannelAccount[] people)
    {
        var bot = adapter.Conversation.Bot!;
        var activity = adapter.MakeActivity(ActivityTypes.Message,
            $"<at>{bot.Name}</at> {word} " + string.Join(" ", people.Select(p => $"<at>{p.Name}</at>")));
        activity.Entities = [Entity.Mention(bot), .. people.Select(Entity.Mention)];
        return activity;
    }

    [Theory]
    [InlineData("en-US", "en", "onboarding")]
    [InlineData("fr-CA", "fr", "formation")]
    public async Task AManager_SendsOnboardingToTheMentionedPeople_AndTheThreadSaysWhoWasInvited(string locale, string lang, string word)
    {
        var language = Languages.Parse(lang);
        var adapter = ManagerInChannel(locale);
        var first = new ChannelAccount("29:invited-0001", "Invented Person One");
        var second = new ChannelAccount("29:invited-0002", "Invented Person Two");

        await _bot.Flow(adapter)
            .Send(Invitation(adapter, word, first, second))
            .AssertReply(invite => Assert.Equal(Ui("reach.invite.title", language), CardTexts(invite)[0]))
            .AssertReply(invite => Assert.Contains(Ui("reach.startOnboarding", language), CardTexts(invite)))
            .AssertReply(Ui("reach.invite.sent", language, "Invented Person One, Invented Person Two"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(["29:invited-0001", "29:invited-0002"], adapter.CreatedConversations.Select(c => c.Members![0].Id));
        var record = await _bot.Services.GetRequiredService<ReachStore>().ReadAsync("29:invited-0001");
        Assert.NotNull(record!.InvitedAt);
        Assert.NotNull(record.Chat);
        Assert.DoesNotContain("Invented Person", JsonSerializer.Serialize(record), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "en", "onboarding")]
    [InlineData("fr-CA", "fr", "formation")]
    public async Task SomeoneWhoIsNotAManager_IsRefused_AndNobodyIsInvited(string locale, string lang, string word)
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread("staff", StaffAad), locale).AsTeams();

        await _bot.Flow(adapter)
            .Send(Invitation(adapter, word, new ChannelAccount("29:invited-0001", "Invented Person One")))
            .AssertReply(Ui("reach.invite.managersOnly", Languages.Parse(lang)))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(adapter.CreatedConversations);
    }

    [Fact]
    public async Task AnInvitationTeamsRefuses_IsNamedInTheThread_AsNotReached()
    {
        var adapter = new BlockingAdapter(TestAdapter.ChannelThread("manager", ManagerAad), _bot);
        adapter.AsTeams();

        await _bot.Flow(adapter)
            .Send(Invitation(adapter, "onboarding", new ChannelAccount("29:invited-0009", "Invented Person Nine")))
            .AssertReply(Ui("reach.invite.unreachable", Language.En, "Invented Person Nine"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task MoreMentionsThanTheLimit_InviteNobody_AndSaySo()
    {
        await using var bot = new BotTestServices(new Dictionary<string, string?> { ["PolicyBot:Managers:0"] = ManagerAad, ["PolicyBot:Reach:MaxInvitationsPerMessage"] = "2" });
        var adapter = bot.Adapter(TestAdapter.ChannelThread("manager", ManagerAad)).AsTeams();
        var people = Enumerable.Range(1, 3).Select(i => new ChannelAccount($"29:invited-000{i}", $"Invented Person {i}")).ToArray();

        await bot.Flow(adapter).Send(Invitation(adapter, "onboarding", people)).AssertReply(Ui("reach.invite.tooMany", Language.En, 2)).AssertNoReply().StartTestAsync();

        Assert.Empty(adapter.CreatedConversations);
    }

    [Fact]
    public async Task AnInvalidInvitationLimit_FailsTheStartValidation_WithWhatToSet()
    {
        await using var bot = new BotTestServices(new Dictionary<string, string?> { ["PolicyBot:Reach:MaxInvitationsPerMessage"] = "0" });

        // What the host's start-up validation (ValidateOnStart) reads.
        var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IOptions<ReachOptions>>().Value);

        Assert.Contains("PolicyBot:Reach:MaxInvitationsPerMessage is 0; set it between 1 and 100.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatDoYouKeep_ListsTheWelcomeAndInvitationRecords_AndForgetMeDeletesThem()
    {
        var join = _bot.Adapter(TestAdapter.ChannelThread("installer"));
        await _bot.Flow(join).Send(MemberAdded(join, new ChannelAccount("29:hire", "Invented Hire", "00000000-0000-0000-0000-00000000d009"))).StartTestAsync();
        var store = _bot.Services.GetRequiredService<ReachStore>();
        Assert.NotNull(await store.ReadAsync("29:hire"));

        var chat = _bot.Adapter(TestAdapter.PersonalChat("hire", "00000000-0000-0000-0000-00000000d009")).AsTeams();
        await _bot.Flow(chat)
            .Send("what do you keep about me")
            .AssertReply(card => Assert.Contains(Ui("privacy.reach", Language.En), CardTexts(card)))
            .Send("forget me")
            .AssertReply(_ => { })
            .Submit(new { choice = "yes" })
            .AssertReply(done => Assert.Contains(Ui("forget.item.reach", Language.En), done.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null(await store.ReadAsync("29:hire"));
    }

    [Fact]
    public async Task AnInvitationTeamsFailsToTake_AfterItsRetries_IsNamedAsNotAnsweredInTime_AndTheTurnGoesOn()
    {
        var adapter = new BlockingAdapter(TestAdapter.ChannelThread("manager", ManagerAad), _bot, HttpStatusCode.BadGateway);
        adapter.AsTeams();

        await _bot.Flow(adapter)
            .Send(Invitation(adapter, "formation", new ChannelAccount("29:invited-0008", "Invented Person Eight")))
            .AssertReply(Ui("reach.invite.failed", Language.En, "Invented Person Eight"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.False((await _bot.Services.GetRequiredService<ReachStore>().ReadAsync("29:invited-0008"))!.Unreachable);
    }

    /// <summary>Teams answering creating her chat with an error: by default 403 <c>ConversationBlockedByUser</c> (she blocked the bot).</summary>
    private sealed class BlockingAdapter(ConversationReference conversation, BotTestServices bot, HttpStatusCode status = HttpStatusCode.Forbidden)
        : TestAdapter(conversation, bot.Services.GetServices<IMiddleware>())
    {
        public int Attempts;

        public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Attempts);
            var code = status == HttpStatusCode.Forbidden ? ConnectorException.BlockedByUserCode : "ServiceError";
            throw new ConnectorException(status, new ErrorResponse { Error = new Error { Code = code, Message = "Invented failure." } }, "Create conversation");
        }
    }
}
