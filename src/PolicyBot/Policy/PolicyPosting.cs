using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Dialogs;
using Microsoft.Extensions.Logging;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Policy;

/// <summary>
/// A manager posts a topic's policy card in a channel or group chat: <c>post &lt;topic or words&gt;</c> typed there,
/// or "Post in a channel" on a guideline card; from a personal chat she is told how.
/// </summary>
public sealed class PolicyPosting(
    PolicyStore store,
    GuidelineCards policyCards,
    ChannelPosting posting,
    ITopicFinder finder,
    RouteConditions conditions,
    ILogger<PolicyPosting> logger) : IFeature
{
    private ContentLibrary Content => policyCards.Content;

    public void MapRoutes(RouteTable routes)
    {
        var managers = conditions.ManagersOnly("policy.refused");
        routes
            .OnText(IsPostCommand, PostTypedAsync, managers)
            .OnAction(CardActions.Post, PostClickedAsync, managers);
    }

    /// <summary>
    /// <c>post</c>, alone or with words. From someone who is not a manager, "post" alone or with a topic asks to post
    /// (and is refused); a staff question that merely starts with "post" ("post a photo of the team?") is left to the rest of the bot.
    /// </summary>
    private bool IsPostCommand(ITurnContext turn) =>
        PolicyCommand.Recognize(turn.Activity.Text) is { Kind: PolicyCommandKind.Post } command
        && (TurnInfo.Of(turn).IsManager || command.Rest.Length == 0 || IsExactTopic(command.Rest));

    private async Task<bool> PostTypedAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var rest = PolicyCommand.Recognize(turn.Activity.Text).Rest;
        var finding = rest.Length == 0 ? null : finder.Find(rest, TurnInfo.Of(turn).Language);
        if (ConversationScope.IsShared(turn.Activity)) await PostFoundAsync(turn, finding, cancellationToken).ConfigureAwait(false);
        else await ExplainPostingAsync(turn, finding?.Best, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The guideline card's "Post in a channel": posts when clicked in a channel or group chat, explains how from a personal chat.</summary>
    private async Task<bool> PostClickedAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var topicId = CardData.String(turn.Activity.Value!.Value, "topic");
        if (!ConversationScope.IsShared(turn.Activity)) await ExplainPostingAsync(turn, topicId, cancellationToken).ConfigureAwait(false);
        else if (Content.TryGetTopic(topicId, out var topic)) await PostAsync(turn, topic, cancellationToken).ConfigureAwait(false);
        else await turn.SendActivityAsync(Content.Ui("policy.post.which", TurnInfo.Of(turn).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task PostFoundAsync(ITurnContext turn, TopicFinding? finding, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        if (finding?.Best is null)
        {
            await turn.SendActivityAsync(Content.Ui("policy.post.which", language), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (finding.Confident)
        {
            await PostAsync(turn, Content.Topic(finding.Best), cancellationToken).ConfigureAwait(false);
            return;
        }
        // Not sure which topic: offer the best few, each button posting its topic.
        var buttons = finding.TopicIds.Take(5)
            .Select(id => (Content.Topic(id).Text(language).Title, new JsonObject { ["action"] = CardActions.Post, ["topic"] = id }))
            .ToArray();
        await turn.SendCardAsync(policyCards.Info(Content.Ui("policy.post.choose", language), [], buttons), cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(ITurnContext turn, Topic topic, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var policy = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Posted once even if this turn runs again after an ETag conflict (the second attempt reuses the first post).
            var card = await TurnEffects.Of(turn).OnceAsync($"post/{topic.Id}/{language.Code()}",
                () => posting.PostAsync(turn, topic, language, policy, cancellationToken)).ConfigureAwait(false);
            if (card is null) logger.LogWarning("A policy card was posted but the Connector gave no message id: it cannot be updated later");
            await turn.SendActivityAsync(Content.Ui("policy.post.done", language, topic.Text(language).Title), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning("Posting a policy card failed with {Status}", (int)e.StatusCode);
            await turn.SendActivityAsync(Content.Ui("policy.post.failed", language), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task ExplainPostingAsync(ITurnContext turn, string? topicId, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var example = Content.TryGetTopic(topicId, out var topic) ? topic.Text(language).Title : Content.Topics[0].Text(language).Title;
        return turn.SendActivityAsync(Content.Ui("policy.post.howTo", language, example), cancellationToken);
    }

    private bool IsExactTopic(string text) =>
        Content.Topics.Any(t => MatcherTopicFinder.Normalize(text) is var n && (n == t.Id || n == MatcherTopicFinder.Normalize(t.Fr.Title) || n == MatcherTopicFinder.Normalize(t.En.Title)));
}
