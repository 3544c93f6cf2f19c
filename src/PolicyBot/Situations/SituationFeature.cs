using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Situations;

/// <summary>
/// The main feature: a situation chosen on the menu, a topic, or what she types leads through a few button
/// questions to the guideline card; then "was this helpful" and "update" on that card.
/// </summary>
public sealed class SituationFeature(GuidelineCards cards, SafetyCard safety, FeedbackCounter feedback, ITopicFinder topics, ILogger<SituationFeature> logger) : IFeature
{
    private readonly SituationDialog _dialog = new(cards, safety);
    private readonly FreeTextRouter _freeText = new(topics, cards);

    private ContentLibrary Content => cards.Content;

    public void MapRoutes(RouteTable routes) => routes
        .AddDialog(_dialog)
        // An answer to a situation's question: the button says which one, so older cards work too.
        .OnSubmit((_, data) => CardData.String(data, "choice") is not null && CardData.String(data, "situation") is not null && CardData.String(data, "question") is not null,
            AnswerAsync)
        .OnAction(CardActions.Situation, StartSituationAsync)
        .OnAction(CardActions.Topic, TopicAsync)
        .OnAction(CardActions.Feedback, FeedbackAsync)
        .OnAction(CardActions.Refresh, RefreshAsync)
        .OnExecute(CardActions.RefreshGuidelineVerb, RefreshForViewerAsync)
        .OnFreeText(async (dc, ct) =>
        {
            await _freeText.RespondAsync(dc, ct).ConfigureAwait(false);
            return true;
        });

    private async Task<bool> AnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var data = Data(dc);
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(SituationDialog.DialogId, new SituationDialog.SituationPosition
        {
            Situation = CardData.String(data, "situation")!,
            Question = CardData.String(data, "question")!,
            Answer = CardData.String(data, "choice"),
            Answered = [.. CardData.Strings(data, "answers")],
        }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> StartSituationAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!Content.TryGetSituation(CardData.String(Data(dc), "situation"), out var situation)) return false;
        await SituationDialog.StartAsync(dc, situation, topic: null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A topic button: its situation's questions, or straight to the guideline when the button says <c>direct</c>.</summary>
    private async Task<bool> TopicAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var data = Data(dc);
        if (!Content.TryGetTopic(CardData.String(data, "topic"), out var topic)) return false;
        if (CardData.IsTrue(data, "direct"))
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await _dialog.ShowGuidelineAsync(dc.Context, new SituationOutcome { Topic = topic.Id }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SituationDialog.StartAsync(dc, Content.Situation(topic.Situation), topic.Id, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    private async Task<bool> FeedbackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var data = Data(dc);
        if (!Content.TryGetTopic(CardData.String(data, "topic"), out var rated)
            || !data.TryGetProperty("helpful", out var helpful) || helpful.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return false;
        // Counted once per person (and once even if the turn runs again after an ETag conflict).
        await feedback.RecordAsync(dc.Context, rated.Id, helpful.GetBoolean(), cancellationToken).ConfigureAwait(false);
        await dc.Context.SendActivityAsync(cards.Ui("feedback.thanks", TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>"Update" on a client without Universal Actions: the current card as a new message.</summary>
    private async Task<bool> RefreshAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!Content.TryGetTopic(CardData.String(Data(dc), "topic"), out var current)) return false;
        await _dialog.ShowGuidelineAsync(dc.Context, new SituationOutcome { Topic = current.Id }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Universal Actions: "Update" (or the card's refresh) answers with the topic's current guideline in the viewer's language.</summary>
    private Task<AdaptiveCardInvokeResponse> RefreshForViewerAsync(ITurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        var info = TurnInfo.Of(turn);
        if (Content.TryGetTopic(CardData.String(value.Action!.Data ?? default, "topic"), out var topic))
        {
            var card = cards.Guideline(topic, info.Language, GuidelineCase.None, info.Choices, info.IsManager, ConversationScope.IsShared(turn.Activity));
            return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.Content!));
        }
        logger.LogInformation("An Action.Execute carried a topic the bot does not know");
        return Task.FromResult(AdaptiveCardInvokeResponse.BadRequest("NotSupported", "This card action is not supported."));
    }

    private static JsonElement Data(DialogContext dc) => dc.Context.Activity.Value!.Value;
}
