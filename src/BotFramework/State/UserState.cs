using BotFramework.Builder;

namespace BotFramework.State;

/// <summary>State of one user across conversations (language, onboarding), under <c>{channelId}/users/{from.id}</c>.</summary>
public class UserState(IStorage storage, TimeSpan? expireAfter = null, TimeProvider? timeProvider = null)
    : BotState(storage, expireAfter, timeProvider)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            throw new InvalidOperationException("User state needs the activity's channelId and from.id.");
        }
        return $"{activity.ChannelId}/users/{activity.From.Id}";
    }

    /// <summary>
    /// Whether the turn's user document holds the state of any of her personal conversations
    /// (<see cref="ConversationState.KeepPersonalConversationsIn"/>); read once if not loaded yet.
    /// </summary>
    public async Task<bool> HoldsConversationsAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        await CountPartsAsync(turnContext, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>The prefix of every user state key of a channel.</summary>
    public static string KeyPrefix(string channelId) => $"{channelId}/users/";
}
