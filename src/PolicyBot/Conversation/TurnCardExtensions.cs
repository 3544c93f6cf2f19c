using BotFramework.Builder;
using BotFramework.Schema;

namespace PolicyBot.Conversation;

internal static class TurnCardExtensions
{
    /// <summary>Sends one card as a message of its own; <paramref name="expectingInput"/> tells the client an answer is awaited.</summary>
    public static Task SendCardAsync(this ITurnContext turn, Attachment card, CancellationToken cancellationToken, bool expectingInput = false)
    {
        var message = Activity.CreateMessage();
        message.Attachments = [card];
        if (expectingInput) message.InputHint = InputHints.ExpectingInput;
        return turn.SendActivityAsync(message, cancellationToken);
    }
}
