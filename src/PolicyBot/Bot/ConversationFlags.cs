namespace PolicyBot.Bot;

/// <summary>What the bot notes about a conversation itself (conversation state): whether it has greeted it.</summary>
public sealed class ConversationFlags
{
    public bool Welcomed { get; set; }
}
