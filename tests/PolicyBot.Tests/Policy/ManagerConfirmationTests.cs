using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// Every manager-only action asks Teams who the sender is (one helper, <c>SenderIdentity.IsManagerAsync</c>):
/// an activity that names a manager's object id is not enough when Teams knows its sender as someone else.
/// Staff turns cost no look-up. Without a token (local mode) the activity's identity is used as is.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ManagerConfirmationTests : IAsyncLifetime
{
    private const string ManagerAad = "00000000-0000-0000-0000-0000000000e1";
    private const string StaffAad = "00000000-0000-0000-0000-00000000c001";
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices(new Dictionary<string, string?> { ["PolicyBot:Managers:0"] = ManagerAad });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>A chat through Teams whose activities name the manager; Teams knows the sender as <paramref name="teamsKnowsAs"/>.</summary>
    private TestAdapter ClaimingManager(string? teamsKnowsAs, bool channel = false)
    {
        var conversation = channel ? TestAdapter.ChannelThread("claimant", ManagerAad) : TestAdapter.PersonalChat("claimant", ManagerAad);
        var adapter = _bot.Adapter(conversation).AsTeams();
        adapter.Members.Clear();
        if (teamsKnowsAs is not null) adapter.Members["29:claimant"] = new ChannelAccount("29:claimant", "Test Claimant", teamsKnowsAs);
        return adapter;
    }

    private static string Refused => Content.Ui("policy.refused", Language.En);

    public static TheoryData<string> ManagerCommands => ["my policy", "policy history"];

    [Theory]
    [MemberData(nameof(ManagerCommands))]
    public Task ATypedManagerCommand_IsRefused_WhenTeamsKnowsTheSenderAsSomeoneElse(string command) =>
        _bot.Flow(ClaimingManager(StaffAad)).Send(command).AssertReply(Refused).StartTestAsync();

    [Theory]
    [MemberData(nameof(ManagerCommands))]
    public Task ATypedManagerCommand_IsRefused_WhenTeamsDoesNotKnowTheSender(string command) =>
        _bot.Flow(ClaimingManager(teamsKnowsAs: null)).Send(command).AssertReply(Refused).StartTestAsync();

    [Theory]
    [InlineData("policyEdit")]
    [InlineData("policyHistory")]
    [InlineData("policySave")]
    public Task AManagerCardButton_IsRefused_WhenTeamsKnowsTheSenderAsSomeoneElse(string action) =>
        _bot.Flow(ClaimingManager(StaffAad)).Submit(new { action }).AssertReply(Refused).StartTestAsync();

    [Fact]
    public Task TheOnboardingReport_IsRefused_WhenTeamsKnowsTheSenderAsSomeoneElse() =>
        _bot.Flow(ClaimingManager(StaffAad)).Send("onboarding report")
            .AssertReply(Content.Ui("onboarding.report.managersOnly", Language.En)).StartTestAsync();

    [Fact]
    public Task PostingInAChannel_IsRefused_WhenTeamsKnowsTheSenderAsSomeoneElse()
    {
        var adapter = ClaimingManager(StaffAad, channel: true);
        return _bot.Flow(adapter).Send(() => adapter.MakeMention("post hostile comment")).AssertReply(Refused)
            .Submit(new { action = "post", topic = "unacceptable-content" }).AssertReply(Refused)
            .StartTestAsync();
    }

    [Fact]
    public async Task AManagerTeamsConfirms_GetsTheEditorAndTheHistory_AndTeamsIsAskedOnce()
    {
        var adapter = ClaimingManager(ManagerAad);

        await _bot.Flow(adapter)
            .Send("my policy").AssertReplyContains(Content.Ui("policy.editor.title", Language.En))
            .Send("policy history").AssertReplyContains(Content.Ui("policy.history.title", Language.En))
            .StartTestAsync();

        Assert.Equal(1, adapter.MemberLookups);
    }

    [Fact]
    public async Task StaffTurns_AskTeamsNothing()
    {
        var adapter = _bot.Adapter(TestAdapter.PersonalChat("staff", StaffAad)).AsTeams();

        await _bot.Flow(adapter).Send("my policy").AssertReply(Refused).Send("onboarding report").StartTestAsync();

        Assert.Equal(0, adapter.MemberLookups);
    }

    [Fact]
    public async Task InLocalMode_TheActivitysIdentityIsUsedAsIs()
    {
        var adapter = _bot.Adapter(TestAdapter.PersonalChat("manager", ManagerAad));

        await _bot.Flow(adapter).Send("my policy").AssertReplyContains(Content.Ui("policy.editor.title", Language.En)).StartTestAsync();

        Assert.Equal(0, adapter.MemberLookups);
    }
}
