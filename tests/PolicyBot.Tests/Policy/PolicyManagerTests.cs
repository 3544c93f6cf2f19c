using System.Text.Json.Nodes;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>Managers set the organisation's choices on a card; each save is a new version with who, when and what.</summary>
[Trait("Category", "Host")]
public sealed class PolicyManagerTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    [Theory]
    [InlineData("my policy")]
    [InlineData("policy history")]
    [InlineData("ma politique")]
    public async Task NonManager_AskingForAManagerAction_IsRefusedWithWhoCanDoIt(string command)
    {
        await using var bot = await PolicyScenario.StartAsync();

        var reply = (await bot.RepliesAsync(bot.StaffChat.Message(command))).Single();

        Assert.Equal(Content.Ui("policy.refused", Language.En), reply.Text);
        Assert.Contains("managers", reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task NonManager_SubmittingTheEditor_IsRefusedAndNoVersionIsCreated()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var editor = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();

        var reply = (await bot.RepliesAsync(bot.StaffChat.Submit(PolicyScenario.EditorSubmit(editor, ("follow-requests", "accept-all"))))).Single();

        Assert.Equal(Content.Ui("policy.refused", Language.En), reply.Text);
        Assert.Equal(0, (await bot.Store.ReadCurrentAsync()).Version);
        Assert.Empty(await bot.Store.HistoryAsync(10));
    }

    [Fact]
    public async Task Editor_ListsEveryDecisionPointOfTheGuide_WithALabelledInputEach()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var editor = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();

        var visible = PolicyScenario.Visible(editor);
        var points = Content.Topics.SelectMany(t => t.DecisionPoints).ToList();
        Assert.Equal(
            [
                "main-communication-goal", "page-voice", "moderation-approach", "divergent-opinions-approach", "removal-scope",
                "inform-author", "follow-requests", "survivor-stories", "survivor-relations-policy", "staff-naming-employer",
                "staff-interactions-policy", "page-managed-by-personal-accounts", "education-format",
            ],
            points.Select(p => p.Id));
        foreach (var point in points)
        {
            Assert.Contains(point.En.Label, visible);
            foreach (var option in point.En.Options.Values) Assert.Contains(option, visible);
        }
        Assert.Contains(Content.Ui("policy.editor.noVersion", Language.En), visible);
        Assert.Contains("Save my changes", CardReader.ActionTitles(editor));
    }

    [Fact]
    public async Task ManagerSave_CreatesTheNextVersion_WithItsHistoryEntry()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var first = (await bot.SaveAsync(bot.ManagerChat, ("follow-requests", "accept-all"))).Single();
        var second = (await bot.SaveAsync(bot.ManagerChat, ("follow-requests", "use-criteria"), ("staff-interactions-policy", "interactions-policy"))).Single();

        Assert.Contains("Saved: version 1", PolicyScenario.Visible(first));
        Assert.Contains("Saved: version 2", PolicyScenario.Visible(second));
        var history = await bot.Store.HistoryAsync(10);
        Assert.Equal([2, 1], history.Select(v => v.Version));
        var v2 = history[0];
        Assert.Equal(new PolicyAuthor("Morgane Manager", PolicyScenario.ManagerAad), v2.By);
        Assert.NotNull(v2.At);
        Assert.Equal([new PolicyChange("follow-requests", "accept-all", "use-criteria"), new PolicyChange("staff-interactions-policy", null, "interactions-policy")], v2.Changes);
        Assert.Equal([new PolicyChange("follow-requests", null, "accept-all")], history[1].Changes);

        // "policy history" shows who, and each change as old → new in words.
        var card = (await bot.RepliesAsync(bot.ManagerChat.Message("policy history"))).Single();
        var visible = PolicyScenario.Visible(card);
        var follow = Content.Topic("connecting-with-others").DecisionPoints.Single().En;
        Assert.Contains("Version 2 — ", visible);
        Assert.Contains($"By Morgane Manager (id {PolicyScenario.ManagerAad})", visible);
        Assert.Contains($"{follow.Label}\n{follow.Options["accept-all"]} → {follow.Options["use-criteria"]}", visible);
        Assert.Contains("→ " + Content.Topic("staff-identifying-employer").DecisionPoints.Single(p => p.Id == "staff-interactions-policy").En.Options["interactions-policy"], visible);
        Assert.Contains($"{follow.Label}\nnot decided → {follow.Options["accept-all"]}", visible);
        Assert.True(visible.IndexOf("Version 2", StringComparison.Ordinal) < visible.IndexOf("Version 1", StringComparison.Ordinal), "Newest first.");
    }

    [Fact]
    public async Task ManagerSave_WithNothingChanged_CreatesNoVersion()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var reply = (await bot.SaveAsync(bot.ManagerChat)).Single();

        Assert.Equal(Content.Ui("policy.saved.nothing", Language.En, 0), reply.Text);
        Assert.Equal(0, (await bot.Store.ReadCurrentAsync()).Version);
    }

    [Fact]
    public async Task TwoManagersEditingFromTheSameVersion_BothChangesAreKept()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var other = new TeamsActivities(bot.Connector.ServiceUrl, "a:manager-2-chat", "29:manager2");
        var editorA = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();
        var editorB = (await bot.RepliesAsync(other.Message("my policy"))).Single();

        await bot.RepliesAsync(bot.ManagerChat.Submit(PolicyScenario.EditorSubmit(editorA, ("follow-requests", "accept-all"))));
        var replyB = (await bot.RepliesAsync(other.Submit(PolicyScenario.EditorSubmit(editorB, ("page-voice", "awareness-platform"))))).Single();

        var current = await bot.Store.ReadCurrentAsync();
        Assert.Equal(2, current.Version);
        Assert.Equal("accept-all", current.Decisions["follow-requests"]);
        Assert.Equal("awareness-platform", current.Decisions["page-voice"]);
        Assert.Contains(Content.Ui("policy.saved.merged", Language.En), PolicyScenario.Visible(replyB));
    }

    [Fact]
    public async Task GuidelineCard_BeforeAndAfterAChange_ShowsTheOptionsThenTheOrganisationsChoice()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var point = Content.Topic("connecting-with-others").DecisionPoints.Single();
        var openTopic = new { action = "topic", topic = "connecting-with-others", direct = true };

        var before = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Submit(openTopic))).Single());
        await bot.SaveAsync(bot.ManagerChat, ("follow-requests", "use-criteria"));
        var after = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Submit(openTopic))).Single());

        Assert.Contains(Content.Ui("guideline.notDecided", Language.En), before);
        Assert.Contains("• " + point.En.Options["accept-all"], before);
        Assert.Contains("• " + point.En.Options["use-criteria"], before);

        Assert.DoesNotContain(Content.Ui("guideline.notDecided", Language.En), after);
        Assert.Contains(point.En.Options["use-criteria"], after);
        Assert.DoesNotContain(point.En.Options["accept-all"], after);
    }

    [Fact]
    public async Task AChangeSavedOnOneInstance_IsSeenAtTheNextTurnOnAnother()
    {
        await using var a = await PolicyScenario.StartAsync(new Dictionary<string, string?> { ["PolicyBot:Policy:CacheDuration"] = "00:00:00" });
        await using var b = await PolicyScenario.StartAsync(new Dictionary<string, string?>
        {
            ["PolicyBot:Policy:CacheDuration"] = "00:00:00",
            ["Storage:Folder"] = a.Host.DataFolder,
        });
        var openTopic = new { action = "topic", topic = "survivor-posts-on-page", direct = true };
        var stories = Content.Topic("survivor-posts-on-page").DecisionPoints.Single().En.Options["do-not-allow-stories"];
        Assert.Contains(Content.Ui("guideline.notDecided", Language.En), PolicyScenario.Visible((await b.RepliesAsync(b.StaffChat.Submit(openTopic))).Single()));

        await a.SaveAsync(a.ManagerChat, ("survivor-stories", "do-not-allow-stories"));

        var onB = PolicyScenario.Visible((await b.RepliesAsync(b.StaffChat.Submit(openTopic))).Single());
        Assert.Contains(stories, onB);
        Assert.DoesNotContain(Content.Ui("guideline.notDecided", Language.En), onB);
    }

    [Fact]
    public async Task FrenchManager_GetsTheEditorAndHistoryInFrench()
    {
        await using var bot = await PolicyScenario.StartAsync();
        bot.ManagerChat.Locale = "fr-CA";

        var editor = PolicyScenario.Visible((await bot.RepliesAsync(bot.ManagerChat.Message("ma politique"))).Single());
        var saved = PolicyScenario.Visible((await bot.SaveAsync(bot.ManagerChat, ("inform-author", "do-not-inform"))).Single());

        Assert.Contains(Content.Ui("policy.editor.title", Language.Fr), editor);
        Assert.Contains(Content.Topic("unacceptable-content").DecisionPoints.Single(p => p.Id == "inform-author").Fr.Label, editor);
        Assert.Contains("Enregistré : version 1", saved);
        Assert.Contains("non décidé → ", saved);
    }
}
