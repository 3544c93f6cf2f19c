using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>
/// State of one conversation (the dialog stack), under <c>{channelId}/conversations/{conversation.id}</c>.
/// In Teams channels every reply thread (<c>…;messageid=…</c>) is its own conversation. A conversation
/// untouched for <see cref="DefaultExpireAfter"/> starts over instead of resuming days later: its next turn
/// overwrites it, and <see cref="ExpiredStateSweeper"/> deletes it if no turn comes. With
/// <see cref="KeepPersonalConversationsIn"/>, a personal chat's state is a part of the user's document instead.
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

    /// <summary>Teams' <c>conversationType</c> of a one-to-one chat between a user and the bot.</summary>
    public const string PersonalConversationType = "personal";

    /// <summary>The user state whose documents hold personal conversations' state (<see cref="KeepPersonalConversationsIn"/>), if any.</summary>
    public UserState? PersonalConversationsIn { get; private set; }

    /// <summary>
    /// Keeps the state of each personal conversation (<c>conversationType</c> <c>personal</c>, one user and the bot)
    /// inside that user's document (<c>{channelId}/users/{from.id}</c>, under <see cref="BotState.PartsProperty"/>, named by
    /// the conversation's id) instead of a document of its own: such a turn reads one document and writes it once, with
    /// one conditional write that is its commit point. The conversation's part keeps its own timestamp and expires after
    /// <see cref="BotState.ExpireAfter"/> as its own document would, while her profile does not; deleting her document
    /// deletes it. Channel threads and group chats keep their own documents. Call before the first turn.
    /// </summary>
    public void KeepPersonalConversationsIn(UserState userState)
    {
        ArgumentNullException.ThrowIfNull(userState);
        KeepInside(userState, IsPersonal);
        PersonalConversationsIn = userState;
    }

    /// <summary>Whether this turn's conversation state is kept inside the user's document (see <see cref="KeepPersonalConversationsIn"/>).</summary>
    public bool IsKeptInUserState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return IsInside(turnContext);
    }

    /// <summary>A one-to-one chat of a user with the bot, as Teams says it.</summary>
    public static bool IsPersonal(ITurnContext turnContext) =>
        turnContext.Activity.Conversation is { ConversationType: PersonalConversationType, IsGroup: not true };

    protected override string GetPartName(ITurnContext turnContext)
    {
        var id = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(id)) throw new InvalidOperationException("Conversation state needs the activity's conversation.id.");
        return id;
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
