using PolicyBot.Knowledge;
using PolicyBot.Policy;

namespace PolicyBot.Tests.Policy;

/// <summary>Universal Actions on a posted policy card: the refresh each viewer's client asks for, and "I've read it".</summary>
[Trait("Category", "Host")]
public sealed class PolicyCardInvokeTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly object RefreshFollowRequests = Execute("refreshPolicyCard", new { topic = "connecting-with-others" });

    private static object Execute(string verb, object data) => new { action = new { type = "Action.Execute", verb, data }, trigger = "automatic" };

    [Fact]
    public async Task Refresh_AnswersTheCurrentCard_InTheViewersLanguage()
    {
        await using var bot = await PolicyScenario.StartAsync();
        bot.StaffInChannel.Locale = "fr-CA";
        var point = Content.Topic("connecting-with-others").DecisionPoints.Single();

        var before = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", RefreshFollowRequests);
        await bot.SaveAsync(bot.ManagerChat, ("follow-requests", "accept-all"));
        var after = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", RefreshFollowRequests);

        Assert.Equal(200, before["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", before["type"]!.GetValue<string>());
        var card = before["value"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("refreshPolicyCard", card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        var visibleBefore = PolicyScenario.Visible(card);
        Assert.Contains(Content.Topic("connecting-with-others").Fr.Title, visibleBefore);
        Assert.Contains(Content.Ui("guideline.notDecided", Language.Fr), visibleBefore);

        var visibleAfter = PolicyScenario.Visible(after["value"]!);
        Assert.Contains(point.Fr.Options["accept-all"], visibleAfter);
        Assert.DoesNotContain(Content.Ui("guideline.notDecided", Language.Fr), visibleAfter);
        Assert.Contains(Content.Ui("policy.card.version", Language.Fr, 1), visibleAfter);
    }

    [Fact]
    public async Task Refresh_FollowsTheViewersChosenLanguage_OverTheirLocale()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SendAsync(bot.StaffChat.Message("français"));

        var refreshed = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", RefreshFollowRequests);

        Assert.Contains(Content.Topic("connecting-with-others").Fr.Title, PolicyScenario.Visible(refreshed["value"]!));
    }

    [Fact]
    public async Task Refresh_OfAnUnknownTopic_IsABadRequest()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var answer = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", Execute("refreshPolicyCard", new { topic = "no-such-topic" }));

        Assert.Equal(400, answer["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", answer["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Acknowledgement_IsCountedOncePerPersonAndVersion_AndAskedAgainAfterAChange()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var acknowledge = Execute("acknowledgePolicy", new { topic = "connecting-with-others", version = 0 });

        var first = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", acknowledge);
        var again = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", acknowledge);
        var byManager = await bot.InvokeAsync(bot.ManagerInChannel, "adaptiveCard/action", acknowledge);

        Assert.Contains(Content.Ui("policy.card.acknowledged", Language.En), PolicyScenario.Visible(first["value"]!));
        Assert.Contains(Content.Ui("policy.card.ackCount", Language.En, 1), PolicyScenario.Visible(first["value"]!));
        Assert.Contains(Content.Ui("policy.card.ackCount", Language.En, 1), PolicyScenario.Visible(again["value"]!));
        Assert.Contains(Content.Ui("policy.card.ackCount", Language.En, 2), PolicyScenario.Visible(byManager["value"]!));
        Assert.DoesNotContain("I've read it", PolicyScenario.Visible(again["value"]!));

        // A change to this topic's choices is a new version to read: the card asks again, from zero.
        await bot.SaveAsync(bot.ManagerChat, ("follow-requests", "use-criteria"));
        var refreshed = PolicyScenario.Visible((await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", RefreshFollowRequests))["value"]!);
        Assert.Contains("[I've read it]", refreshed);
        Assert.Contains(Content.Ui("policy.card.ackCount", Language.En, 0), refreshed);

        // A click on the old card's button does not count for the new version.
        var stale = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", acknowledge);
        Assert.Contains("[I've read it]", PolicyScenario.Visible(stale["value"]!));
        var current = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", Execute("acknowledgePolicy", new { topic = "connecting-with-others", version = 1 }));
        Assert.Contains(Content.Ui("policy.card.ackCount", Language.En, 1), PolicyScenario.Visible(current["value"]!));
    }

    [Fact]
    public async Task AChangeToAnotherTopic_DoesNotAskForANewAcknowledgement()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", Execute("acknowledgePolicy", new { topic = "connecting-with-others", version = 0 }));

        await bot.SaveAsync(bot.ManagerChat, ("page-voice", "showcase-organisation"));

        var refreshed = PolicyScenario.Visible((await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", RefreshFollowRequests))["value"]!);
        Assert.Contains(Content.Ui("policy.card.acknowledged", Language.En), refreshed);
    }

    [Fact]
    public async Task AcknowledgementFallbackSubmit_OnAnOlderClient_IsRecordedToo()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var reply = (await bot.RepliesAsync(bot.StaffInChannel.Submit(new { action = "acknowledgePolicy", topic = "what-to-post", version = 0 }))).Single();

        Assert.Equal(Content.Ui("policy.ack.thanks", Language.En), reply.Text);
        var refreshed = await bot.InvokeAsync(bot.StaffInChannel, "adaptiveCard/action", Execute("refreshPolicyCard", new { topic = "what-to-post" }));
        Assert.Contains(Content.Ui("policy.card.acknowledged", Language.En), PolicyScenario.Visible(refreshed["value"]!));
    }

    [Fact]
    public async Task ForgetMe_RemovesThePersonsOwnAcknowledgements_ButNotTheCount()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.InvokeAsync(bot.StaffChat, "adaptiveCard/action", Execute("acknowledgePolicy", new { topic = "what-to-post", version = 0 }));

        await bot.SendAsync(bot.StaffChat.Message("forget me"));
        await bot.SendAsync(bot.StaffChat.Submit(new { choice = "yes" }));

        var refreshed = PolicyScenario.Visible((await bot.InvokeAsync(bot.StaffChat, "adaptiveCard/action", Execute("refreshPolicyCard", new { topic = "what-to-post" })))["value"]!);
        Assert.Contains("[I've read it]", refreshed);
        Assert.Contains(Content.Ui("policy.card.ackCount", Language.En, 1), refreshed);
    }
}
