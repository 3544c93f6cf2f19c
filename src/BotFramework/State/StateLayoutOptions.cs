namespace BotFramework.State;

/// <summary>
/// Where the conversation and user states keep their documents, chosen by the bot when it registers
/// (<c>services.Configure&lt;StateLayoutOptions&gt;(…)</c>), not by configuration: changing it changes where a deployed
/// bot looks for its state.
/// </summary>
public sealed class StateLayoutOptions
{
    /// <summary>
    /// A personal chat's conversation state is kept inside the user's document
    /// (<see cref="ConversationState.KeepPersonalConversationsIn"/>): one read and one write per turn instead of two of
    /// each. Off by default; a bot that turns it on reads her old chats' separate documents no more (they expire).
    /// </summary>
    public bool PersonalConversationsInUserState { get; set; }
}
