using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Tests.Testing;

/// <summary>
/// A small bot for exercising TestFlow: "hi" gets a greeting and a report card (an Action.Submit and an
/// Action.Execute button); the submit is acknowledged with a message, the Execute with an invoke response.
/// </summary>
internal sealed class ReportBot : ActivityHandler
{
    public const string Greeting = "Hello! Which post do you want to report?";

    public List<Activity> Received { get; } = [];

    public static JsonObject Card() => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Report a post" },
            new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray(new JsonObject { ["title"] = "Severity", ["value"] = "High" }) },
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = "category",
                ["label"] = "Category",
                ["choices"] = new JsonArray(
                    new JsonObject { ["title"] = "Spam", ["value"] = "spam" },
                    new JsonObject { ["title"] = "Abuse", ["value"] = "abuse" }),
            }),
        ["actions"] = new JsonArray(
            new JsonObject { ["type"] = "Action.Submit", ["title"] = "Report", ["data"] = new JsonObject { ["verb"] = "report", ["postId"] = "p-1" } },
            new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Escalate",
                ["verb"] = "escalate",
                ["data"] = new JsonObject { ["postId"] = "p-1" },
                ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = "Escalate (old client)" },
            }),
        ["refresh"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Refresh", ["verb"] = "refresh" } },
    };

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        Received.Add(activity);
        if (activity.IsCardSubmit)
        {
            var value = activity.Value!.Value;
            await turnContext.SendActivityAsync($"Reported {value.GetProperty("postId").GetString()} ({value.GetProperty("verb").GetString()})", cancellationToken);
            return;
        }
        if (activity.Text == "typing first") await turnContext.SendActivityAsync(Activity.CreateTyping(), cancellationToken);
        if (activity.Text == "fail") throw new InvalidOperationException("the bot failed");

        await turnContext.SendActivityAsync(Greeting, cancellationToken);
        var card = Activity.CreateMessage();
        card.Attachments = [Attachment.AdaptiveCard(Card())];
        await turnContext.SendActivityAsync(card, cancellationToken);
    }

    protected override Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        Received.Add(turnContext.Activity);
        var postId = invokeValue.Action!.Data is { ValueKind: JsonValueKind.Object } data ? data.GetProperty("postId").GetString() : null;
        return Task.FromResult<AdaptiveCardInvokeResponse?>(new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = $"{invokeValue.Action.Verb} {postId}" });
    }
}
