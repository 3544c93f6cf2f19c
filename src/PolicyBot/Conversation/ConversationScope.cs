using BotFramework.Schema;

namespace PolicyBot.Conversation;

/// <summary>Whether a conversation is seen by several people (a team channel or a group chat) or by one (a personal chat).</summary>
public static class ConversationScope
{
    public static bool IsShared(Activity activity) =>
        activity.Conversation?.ConversationType is "channel" or "groupChat" || activity.Conversation?.IsGroup == true;
}
