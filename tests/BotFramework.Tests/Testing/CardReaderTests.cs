using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Testing;

namespace BotFramework.Tests.Testing;

[Trait("Category", "Fast")]
public sealed class CardReaderTests
{
    private static Activity CardMessage(string? text = null)
    {
        var message = Activity.CreateMessage(text);
        message.Attachments = [Attachment.AdaptiveCard(ReportBot.Card())];
        return message;
    }

    [Fact]
    public void VisibleText_IsTheTextThenTheCard_OneItemPerLine()
    {
        var text = CardReader.VisibleText(CardMessage("Here is the form."));

        Assert.Equal(
            string.Join(Environment.NewLine, "Here is the form.", "Report a post", "Severity: High", "Category", "( ) Spam", "( ) Abuse", "[Report]", "[Escalate]", ""),
            text);
    }

    [Fact]
    public void VisibleText_ReadsACardReceivedAsJson_TheSameAsOneBuiltInCode()
    {
        var built = CardMessage();
        var received = WireJson.Deserialize<Activity>(WireJson.Serialize(built))!;

        Assert.IsType<JsonElement>(received.Attachments![0].Content);
        Assert.Equal(CardReader.VisibleText(built), CardReader.VisibleText(received));
    }

    [Fact]
    public void VisibleText_IgnoresOtherAttachments_AndHiddenData()
    {
        var message = Activity.CreateMessage("plain");
        message.Attachments =
        [
            new Attachment { ContentType = Attachment.HeroCardContentType, Content = new { title = "Hero title" } },
            Attachment.AdaptiveCard(new
            {
                type = "AdaptiveCard",
                body = new object[]
                {
                    new { type = "RichTextBlock", inlines = new[] { new { type = "TextRun", text = "Rich run" } } },
                    new { type = "Container", items = new[] { new { type = "TextBlock", text = "Nested" } } },
                    new { type = "Input.Text", id = "note", label = "Note", placeholder = "not shown" },
                },
                actions = new[] { new { type = "Action.Submit", title = "Send", data = new { text = "TextBlock" } } },
            }),
        ];

        Assert.Equal(string.Join(Environment.NewLine, "plain", "Rich run", "Nested", "Note", "[Send]", ""), CardReader.VisibleText(message));
    }

    [Fact]
    public void Actions_AreTheButtons_WithoutFallbackOrRefresh()
    {
        var actions = CardReader.Actions(CardMessage());

        Assert.Equal(2, actions.Count);
        Assert.Equal(("Action.Submit", "Report", (string?)null), (actions[0].Type, actions[0].Title, actions[0].Verb));
        Assert.Equal("""{"verb":"report","postId":"p-1"}""", actions[0].Data!.Value.GetRawText());
        Assert.Equal(("Action.Execute", "Escalate", "escalate"), (actions[1].Type, actions[1].Title, actions[1].Verb));
        Assert.Equal("""{"postId":"p-1"}""", actions[1].Data!.Value.GetRawText());
        Assert.Equal(["Report", "Escalate"], CardReader.ActionTitles(CardMessage()));
    }

    [Fact]
    public void Actions_IncludeButtonsOfAShowCard()
    {
        var message = Activity.CreateMessage();
        message.Attachments = [Attachment.AdaptiveCard(new
        {
            type = "AdaptiveCard",
            actions = new object[]
            {
                new { type = "Action.ShowCard", title = "More", card = new { type = "AdaptiveCard", actions = new[] { new { type = "Action.Submit", title = "Confirm" } } } },
            },
        })];

        Assert.Equal(["More", "Confirm"], CardReader.ActionTitles(message));
        Assert.Null(CardReader.Actions(message)[1].Data);
    }

    [Fact]
    public void FindAction_PrefersTheExactTitle_ThenIgnoresCase()
    {
        var message = Activity.CreateMessage();
        message.Attachments = [Attachment.AdaptiveCard(new
        {
            type = "AdaptiveCard",
            actions = new[]
            {
                new { type = "Action.Submit", title = "REPORT", data = new { n = 1 } },
                new { type = "Action.Submit", title = "Report", data = new { n = 2 } },
            },
        })];

        Assert.Equal(2, CardReader.FindAction(message, "Report")!.Data!.Value.GetProperty("n").GetInt32());
        Assert.Equal(1, CardReader.FindAction(message, "report")!.Data!.Value.GetProperty("n").GetInt32());
        Assert.Null(CardReader.FindAction(message, "Delete"));
    }

    [Fact]
    public void MessageWithoutCards_HasNoActions()
    {
        Assert.Empty(CardReader.Actions(Activity.CreateMessage("hi")));
        Assert.Empty(CardReader.Cards(Activity.CreateMessage("hi")));
        Assert.Equal("hi" + Environment.NewLine, CardReader.VisibleText(Activity.CreateMessage("hi")));
    }
}
