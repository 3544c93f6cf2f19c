using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using BotFramework.State;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// What a posted policy card does for whoever reads it: its Universal Actions (<c>refreshPolicyCard</c> answers
/// with the current card in the viewer's language; <c>acknowledgePolicy</c> records "I've read it" and answers
/// the same way), the <c>Action.Submit</c> fallback of "I've read it", and the message extension's search.
/// </summary>
public sealed class PolicyCardActions(
    PolicyStore store,
    OrganisationPolicyCards cards,
    AcknowledgementCounter acknowledgements,
    PolicySearch search,
    UserState userState) : IFeature
{
    private readonly IStatePropertyAccessor<Dictionary<string, int>> _myAcknowledgements = userState.CreateProperty<Dictionary<string, int>>("policyAcknowledgements");

    private ContentLibrary Content => cards.Content;

    public void MapRoutes(RouteTable routes) => routes
        .OnExecute(CardActions.RefreshPolicyCard, ExecuteAsync)
        .OnExecute(CardActions.AcknowledgePolicy, ExecuteAsync)
        .OnAction(CardActions.AcknowledgePolicy, AcknowledgeClickedAsync)
        .OnInvoke(InvokeNames.ComposeExtensionQuery, async (turn, ct) => await search.QueryAsync(turn, ct).ConfigureAwait(false));

    private async Task<AdaptiveCardInvokeResponse> ExecuteAsync(ITurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        var data = value.Action!.Data ?? default;
        if (!Content.TryGetTopic(CardData.String(data, "topic"), out var topic))
        {
            return AdaptiveCardInvokeResponse.BadRequest("BadRequest", Content.Ui("policy.unknownTopic", TurnInfo.Of(turn).Language));
        }
        if (value.Action.Verb == CardActions.AcknowledgePolicy)
        {
            await AcknowledgeAsync(turn, topic, CardData.Int(data, "version"), cancellationToken).ConfigureAwait(false);
        }
        var card = await CardForViewerAsync(turn, topic, cancellationToken).ConfigureAwait(false);
        return AdaptiveCardInvokeResponse.Card(card.Content!);
    }

    /// <summary>"I've read it" on a client without Universal Actions: thanks, or the current card when hers showed an older version.</summary>
    private async Task<bool> AcknowledgeClickedAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var data = turn.Activity.Value!.Value;
        var language = TurnInfo.Of(turn).Language;
        if (!Content.TryGetTopic(CardData.String(data, "topic"), out var topic))
        {
            await turn.SendActivityAsync(Content.Ui("unknownAction", language), cancellationToken).ConfigureAwait(false);
            return true;
        }
        var acknowledged = await AcknowledgeAsync(turn, topic, CardData.Int(data, "version"), cancellationToken).ConfigureAwait(false);
        await turn.SendActivityAsync(Content.Ui(acknowledged ? "policy.ack.thanks" : "policy.ack.outdated", language), cancellationToken).ConfigureAwait(false);
        if (!acknowledged) await turn.SendCardAsync(await CardForViewerAsync(turn, topic, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Records this user's "I've read it" for the topic's current version, once; false when the card showed an older version.</summary>
    private async Task<bool> AcknowledgeAsync(ITurnContext turn, Topic topic, int shownVersion, CancellationToken cancellationToken)
    {
        var policy = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var version = policy.VersionOf(topic);
        if (shownVersion != version) return false;
        var mine = await _myAcknowledgements.GetAsync(turn, () => new Dictionary<string, int>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        if (mine.TryGetValue(topic.Id, out var already) && already == version) return true;
        mine[topic.Id] = version;
        await _myAcknowledgements.SetAsync(turn, mine, cancellationToken).ConfigureAwait(false);
        await TurnEffects.Of(turn).OnceAsync($"acknowledge/{topic.Id}/{version}",
            () => acknowledgements.AddAsync(topic.Id, version, cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>The policy card as this viewer should see it now: current choices, their language, their own acknowledgement.</summary>
    private async Task<Attachment> CardForViewerAsync(ITurnContext turn, Topic topic, CancellationToken cancellationToken)
    {
        var policy = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var version = policy.VersionOf(topic);
        var mine = await _myAcknowledgements.GetAsync(turn, () => new Dictionary<string, int>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var acknowledged = mine.TryGetValue(topic.Id, out var acked) && acked == version;
        var count = await acknowledgements.CountAsync(topic.Id, version, cancellationToken).ConfigureAwait(false);
        return cards.PolicyCard(topic, TurnInfo.Of(turn).Language, policy, new OrganisationPolicyCards.Viewer(acknowledged, count));
    }
}
