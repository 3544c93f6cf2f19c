using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// State of one conversation (the dialog stack), under <c>{channelId}/conversations/{conversation.id}</c>.
/// In Teams channels every reply thread (<c>…;messageid=…</c>) is its own conversation. A conversation
/// untouched for <see cref="DefaultExpireAfter"/> starts over instead of resuming days later: its next turn
/// overwrites it, and <see cref="ExpiredStateSweeper"/> deletes it if no turn comes.
/// </summary>
public class ConversationState(IStorage storage, TimeSpan? expireAfter = null, TimeProvider? timeProvider = null)
    : BotState(storage, expireAfter ?? DefaultExpireAfter, timeProvider)
{
    public static readonly TimeSpan DefaultExpireAfter = TimeSpan.FromHours(24);

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new InvalidOperationException("Conversation state needs the activity's channelId and conversation.id.");
        }
        return KeyFor(activity.ChannelId, activity.Conversation.Id);
    }

    /// <summary>The storage key of a conversation's state: <c>{channelId}/conversations/{conversationId}</c>.</summary>
    public static string KeyFor(string channelId, string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return $"{channelId}/conversations/{conversationId}";
    }

    /// <summary>The prefix of every conversation state key of a channel.</summary>
    public static string KeyPrefix(string channelId) => $"{channelId}/conversations/";
}
