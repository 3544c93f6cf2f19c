using BotFramework.Schema;
using BotFramework.Testing;

namespace BotFramework.Tests.Testing;

[Trait("Category", "Fast")]
public sealed class TestFlowTests
{
    private readonly TestAdapter _adapter = new();
    private readonly ReportBot _bot = new();

    private TestFlow Flow() => new(_adapter, _bot);

    private static readonly string CardText = string.Join(Environment.NewLine,
        "Report a post", "Severity: High", "Category", "( ) Spam", "( ) Abuse", "[Report]", "[Escalate]", "");

    [Fact]
    public async Task AConversation_TextThenCard_ThenAClickOnActionSubmit()
    {
        await Flow()
            .Send("hi")
            .AssertReply(ReportBot.Greeting)
            .AssertReplyContains("Report a post", "Severity: High", "Spam", "[Escalate]")
            .Click("Report")
            .AssertReply("Reported p-1 (report)")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ClickOnActionSubmit_SendsAMessageWithTheButtonsDataAndNoText_ReplyingToTheCard()
    {
        Activity? card = null;
        await Flow()
            .Send("hi")
            .AssertReply(ReportBot.Greeting)
            .AssertReply(reply => card = reply)
            .Click("Report")
            .StartTestAsync();

        var submit = _bot.Received[^1];
        Assert.Equal(ActivityTypes.Message, submit.Type);
        Assert.Null(submit.Text);
        Assert.True(submit.IsCardSubmit);
        Assert.Equal("""{"verb":"report","postId":"p-1"}""", submit.Value!.Value.GetRawText());
        Assert.NotNull(card!.Id);
        Assert.Equal(card.Id, submit.ReplyToId);
    }

    [Fact]
    public async Task ClickOnActionExecute_SendsAnAdaptiveCardActionInvoke_AndKeepsItsResponse()
    {
        InvokeResponse? response = null;
        await Flow()
            .Send("hi")
            .AssertReply(ReportBot.Greeting)
            .AssertReplyContains("Report a post")
            .Click("escalate")
            .AssertInvokeResponse(r => response = r)
            .AssertNoReply()
            .StartTestAsync();

        var invoke = _bot.Received[^1];
        Assert.Equal(ActivityTypes.Invoke, invoke.Type);
        Assert.Equal(InvokeNames.AdaptiveCardAction, invoke.Name);
        Assert.Equal("""{"action":{"type":"Action.Execute","verb":"escalate","data":{"postId":"p-1"}}}""", invoke.Value!.Value.GetRawText());
        Assert.Equal(200, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal("escalate p-1", body.Value);
    }

    [Fact]
    public async Task Submit_SendsCardDataWithoutAClick()
    {
        await Flow()
            .Submit(new { verb = "report", postId = "p-9" })
            .AssertReply("Reported p-9 (report)")
            .StartTestAsync();
    }

    [Fact]
    public async Task AssertReply_SkipsTypingIndicators()
    {
        await Flow()
            .Send("typing first")
            .AssertReply(ReportBot.Greeting)
            .AssertReplyContains("Report a post")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(_adapter.ActiveQueue);
    }

    [Fact]
    public async Task Steps_RunOnlyWhenStarted_AndAFlowCanBeExtendedTwice()
    {
        var greeted = Flow().Send("hi").AssertReply(ReportBot.Greeting);
        Assert.Empty(_bot.Received);

        await greeted.AssertReplyContains("Report a post").AssertNoReply().StartTestAsync();
        await greeted.AssertReplyContains("Report a post").Click("Report").AssertReply("Reported p-1 (report)").StartTestAsync();

        Assert.Equal(3, _bot.Received.Count);
    }

    [Fact]
    public async Task AssertReply_WrongText_SaysWhatTheBotSaid()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() => Flow().Send("hi").AssertReply("Goodbye").StartTestAsync());

        Assert.Equal($"Expected the reply \"Goodbye\" but the bot said \"{ReportBot.Greeting}\".", error.Message);
    }

    [Fact]
    public async Task AssertReply_OnACard_DescribesTheCard()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() =>
            Flow().Send("hi").AssertReply(ReportBot.Greeting).AssertReply("Report a post").StartTestAsync());

        Assert.Equal("Expected the reply \"Report a post\" but the bot said \"\" with a card showing:\n" + CardText + ".", error.Message);
    }

    [Fact]
    public async Task AssertReply_WhenNothingMoreWasSent_SaysSo()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() =>
            Flow().Send("hi").AssertReply(ReportBot.Greeting).AssertReplyContains("Report").AssertReply("more?").StartTestAsync());

        Assert.Equal("Expected a reply but the bot sent nothing more.", error.Message);
    }

    [Fact]
    public async Task AssertReplyContains_Missing_ListsWhatIsMissingAndWhatIsShown()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() =>
            Flow().Send("hi").AssertReply(ReportBot.Greeting).AssertReplyContains("Report a post", "Harassment", "Delete").StartTestAsync());

        Assert.Equal("The reply does not show \"Harassment\", \"Delete\". It shows:\n" + CardText, error.Message);
    }

    [Fact]
    public async Task AssertReplyContains_WhenNothingWasSent_NamesTheExpectedText()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() => Flow().AssertReplyContains("Report a post", "Spam").StartTestAsync());

        Assert.Equal("Expected a reply (Report a post / Spam) but the bot sent nothing more.", error.Message);
    }

    [Fact]
    public async Task AssertNoReply_WhenTheBotSentSomething_ShowsIt()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() => Flow().Send("hi").AssertNoReply().StartTestAsync());

        Assert.Equal("Expected no reply but the bot sent: " + ReportBot.Greeting + Environment.NewLine, error.Message);
    }

    [Fact]
    public async Task Click_BeforeAnyCard_SaysThereIsNoCard()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() => Flow().Send("hi").AssertReply(ReportBot.Greeting).Click("Report").StartTestAsync());

        Assert.Equal("Cannot click \"Report\": the bot has not sent a card.", error.Message);
    }

    [Fact]
    public async Task Click_UnknownButton_ListsTheButtons_WithoutFallbackOrRefreshActions()
    {
        var error = await Assert.ThrowsAsync<TestFlowException>(() =>
            Flow().Send("hi").AssertReply(ReportBot.Greeting).AssertReplyContains("Report a post").Click("Delete").StartTestAsync());

        Assert.Equal("No button \"Delete\" on the last card. Buttons: \"Report\", \"Escalate\".", error.Message);
    }

    [Fact]
    public async Task CustomCheck_ThatThrows_FailsTheFlow()
    {
        await Assert.ThrowsAsync<Xunit.Sdk.EqualException>(() =>
            Flow().Send("hi").AssertReply(reply => Assert.Equal("something else", reply.Text)).StartTestAsync());
    }

    [Fact]
    public async Task BotException_FailsTheFlow()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Flow().Send("fail").StartTestAsync());

        Assert.Equal("the bot failed", error.Message);
    }

    [Fact]
    public async Task Send_OfAPreparedActivity_RunsIt()
    {
        var mention = _adapter.MakeMention("hi");

        await Flow().Send(mention).AssertReply(ReportBot.Greeting).StartTestAsync();

        Assert.Same(mention, Assert.Single(_bot.Received));
    }
}
