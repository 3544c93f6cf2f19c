using System.Net;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Operations;

/// <summary>The managers' self-test card (<c>diagnostic</c>), through the host as Teams calls it, and its refusals.</summary>
[Trait("Category", "Host")]
public sealed class DiagnosticCardTests : IAsyncLifetime
{
    private const string ManagerAadId = "00000000-0000-0000-0000-00000000d001";
    private FakeConnector _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = new BotHost(new Dictionary<string, string?> { ["PolicyBot:Managers:0"] = ManagerAadId });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private TeamsActivities Chat(string conversation = "a:diagnostic-chat-0001", string user = "29:diagnostic-user-0001") => new(_connector.ServiceUrl, conversation, user);

    private async Task<string> AskAsync(TeamsActivities chat, Activity activity, string? aadObjectId)
    {
        activity.From = new ChannelAccount(activity.From!.Id!, "Test Person", aadObjectId);
        var before = _connector.Messages.Count;
        using var response = await _host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", _connector.Messages.Skip(before).Select(CardReader.VisibleText)).Trim();
    }

    [Fact]
    public async Task AManager_InHerPersonalChat_SeesHowThisInstanceRuns_InEnglish()
    {
        var chat = Chat();
        var card = await AskAsync(chat, chat.Message("diagnostic"), ManagerAadId);

        Assert.Contains("PolicyBot self-test", card);
        Assert.Contains("What the instance answering you sees, right now. No secrets, no connection strings.", card);
        Assert.Contains("Mode: local (no MicrosoftAppId), for trying on this machine only", card);
        Assert.Contains("Allowed tenants: no restriction in local mode", card);
        Assert.Matches(@"Storage: File, write and read back work \(\d+ ms\)", card);
        Assert.Contains("Organisation policy version: 0", card);
        Assert.Contains("Managers configured: 1", card);
        Assert.Matches(@"Content: version [0-9a-f]{12}, 19 topics, \d+ situations", card);
        Assert.Contains("Word matching: ready", card);
        Assert.Contains("Application Insights: off", card);
        Assert.Matches(@"Failed turns since start: \d+", card);
        Assert.Matches(@"Undelivered replies since start: \d+", card);
        Assert.DoesNotContain(ManagerAadId, card);
        Assert.DoesNotContain(_host.DataFolder, card);
        // The round-trip cleans up after itself.
        Assert.DoesNotContain(_host.StoredFiles(), f => f.Contains("self-test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AManager_InFrench_SeesTheFrenchCard()
    {
        var chat = Chat();
        chat.Locale = "fr-CA";
        var card = await AskAsync(chat, chat.Message("Diagnostic"), ManagerAadId);

        Assert.Contains("Autotest de PolicyBot", card);
        Assert.Contains("Recherche par mots : prête", card);
        Assert.Contains("Application Insights : désactivé", card);
    }

    [Fact]
    public async Task UndeliveredReplies_AreCountedOnTheCard()
    {
        var chat = Chat();
        var before = Count(await AskAsync(chat, chat.Message("diagnostic"), ManagerAadId), "Undelivered replies since start");

        // A turn whose reply the Connector refuses for good (400 is not retried): saved, but not delivered.
        _connector.Fail(HttpStatusCode.BadRequest);
        var staff = Chat("a:diagnostic-chat-0002", "29:diagnostic-user-0002");
        using (var failed = await _host.PostAsync(staff.Message("menu"))) Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var after = Count(await AskAsync(chat, chat.Message("diagnostic"), ManagerAadId), "Undelivered replies since start");
        Assert.True(after >= before + 1, $"Undelivered replies went from {before} to {after}.");
    }

    [Fact]
    public async Task StaffWhoAreNotManagers_AreRefused_WithoutTheCard()
    {
        var chat = Chat();
        var reply = await AskAsync(chat, chat.Message("diagnostic"), "00000000-0000-0000-0000-00000000d999");

        Assert.Equal("The self-test is for managers only.", reply);
    }

    [Fact]
    public async Task InAChannel_EvenAManager_IsAskedToUseHerPersonalChat()
    {
        var channel = Chat("19:diagnostic-channel@thread.tacv2");
        channel.ConversationType = "channel";
        var reply = await AskAsync(channel, channel.Mention("diagnostic"), ManagerAadId);

        Assert.Equal("Ask me for the self-test in our personal chat.", reply);
    }

    private static long Count(string card, string line) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(card, line + @": (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
