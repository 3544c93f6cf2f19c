using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Schema;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// Posts a topic's policy card as a new message where a manager asked: in a team channel, a new
/// thread (<c>POST /v3/conversations</c> with the channel and tenant); in a group chat, a message in
/// the chat. Remembers the card so it can be updated when the policy changes.
/// </summary>
public sealed class ChannelPosting(OrganisationPolicyCards cards, PostedCardStore posted, TimeProvider time)
{
    /// <summary>Posts the card (through the turn's adapter); returns the reference kept, or null when the channel gave no message id to track.</summary>
    /// <exception cref="ConnectorException">The Connector refused the post.</exception>
    public async Task<PostedCard?> PostAsync(ITurnContext turn, Topic topic, Language language, PolicyVersion policy, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var channelData = activity.GetTeamsChannelData();
        var tenantId = activity.GetTenantId();
        var message = Activity.CreateMessage();
        message.Attachments = [cards.PolicyCard(topic, language, policy, viewer: null)];

        string conversationId;
        string? activityId;
        string? teamsChannelId = null;
        if (activity.Conversation?.ConversationType == "channel")
        {
            teamsChannelId = channelData?.Channel?.Id ?? ConversationIds.Base(activity.Conversation.Id!);
            var parameters = new ConversationParameters
            {
                IsGroup = true,
                Bot = activity.Recipient,
                TenantId = tenantId,
                ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = teamsChannelId }, Tenant = new TenantInfo { Id = tenantId } },
                Activity = message,
            };
            var created = await turn.Adapter.CreateConversationAsync(activity.ServiceUrl!, parameters, cancellationToken).ConfigureAwait(false);
            conversationId = created.Id ?? $"{teamsChannelId};messageid={created.ActivityId}";
            activityId = created.ActivityId ?? (created.Id is { } id ? ConversationIds.MessageId(id) : null);
        }
        else
        {
            // A message of its own in the chat, not a reply to the manager's, sent now rather than with the turn's replies.
            var chat = new ConversationReference { ChannelId = activity.ChannelId, ServiceUrl = activity.ServiceUrl, Conversation = activity.Conversation, Bot = activity.Recipient };
            var sent = await turn.Adapter.ContinueConversationAsync(chat, (chatTurn, ct) => chatTurn.SendActivityAsync(message, ct), cancellationToken).ConfigureAwait(false);
            conversationId = activity.Conversation!.Id!;
            activityId = sent.Length > 0 ? sent[0].Id : null;
        }
        if (string.IsNullOrEmpty(activityId)) return null;

        var card = new PostedCard
        {
            ServiceUrl = activity.ServiceUrl!,
            ChannelId = activity.ChannelId ?? Channels.MsTeams,
            ConversationId = conversationId,
            ActivityId = activityId,
            ConversationType = activity.Conversation?.ConversationType,
            TeamsChannelId = teamsChannelId,
            TeamId = channelData?.Team?.Id,
            TenantId = tenantId,
            Topic = topic.Id,
            Language = language.Code(),
            Version = policy.Version,
            PostedAt = time.GetUtcNow(),
        };
        await posted.AddAsync(card, cancellationToken).ConfigureAwait(false);
        return card;
    }
}
