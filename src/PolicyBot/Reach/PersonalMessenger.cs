using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Reach;

/// <summary>
/// Sends one card to a person in a personal chat with the bot, from a turn elsewhere (a team's join event, a
/// manager's message in a channel): creates the 1:1 conversation (<c>POST /v3/conversations</c> with her id and
/// the tenant), then sends in it, through the turn's adapter (outbound allow-list, retries and pacing).
/// </summary>
public sealed class PersonalMessenger(ILogger<PersonalMessenger> logger)
{
    public enum Outcome { Sent, Unreachable }

    /// <summary>Returns <see cref="Outcome.Unreachable"/> when Teams refuses with 403 (she blocked the bot); other failures throw.</summary>
    public async Task<(Outcome Outcome, PersonalChatReference? Chat)> SendAsync(ITurnContext turn, string userId, Attachment card, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.GetTenantId();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = activity.Recipient,
            Members = [new ChannelAccount(userId)],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        };
        try
        {
            var created = await turn.Adapter.CreateConversationAsync(activity.ServiceUrl!, parameters, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(created.Id)) throw new InvalidOperationException("Teams created the personal chat without giving its id.");
            var chat = new PersonalChatReference(activity.ServiceUrl!, created.Id, tenantId);
            var reference = new ConversationReference
            {
                ChannelId = activity.ChannelId ?? Channels.MsTeams,
                ServiceUrl = chat.ServiceUrl,
                Conversation = new ConversationAccount(chat.ConversationId, "personal", isGroup: false, tenantId: tenantId),
                Bot = activity.Recipient,
            };
            var message = Activity.CreateMessage();
            message.Attachments = [card];
            await turn.Adapter.ContinueConversationAsync(reference, (chatTurn, ct) => chatTurn.SendActivityAsync(message, ct), cancellationToken).ConfigureAwait(false);
            return (Outcome.Sent, chat);
        }
        catch (ConnectorException e) when (e.IsRecipientUnreachable)
        {
            logger.LogInformation("Teams refused a personal message (403{Blocked}); not retried", e.IsBlockedByUser ? ", blocked by the user" : "");
            return (Outcome.Unreachable, null);
        }
    }
}
