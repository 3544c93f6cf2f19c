using BotFramework.Builder;
using Microsoft.Extensions.Logging;
using PolicyBot.Knowledge;

namespace PolicyBot.Conversation;

/// <summary>A check a route makes before its handler runs; when it fails, <see cref="Refuse"/> answers instead.</summary>
public sealed record RouteCondition(Func<ITurnContext, CancellationToken, Task<bool>> Allows, Func<ITurnContext, CancellationToken, Task> Refuse);

/// <summary>The conditions routes use: one manager check for every manager-only action, one personal-chat check.</summary>
public sealed class RouteConditions(SenderIdentity sender, ContentLibrary content, ILogger<RouteConditions> logger)
{
    /// <summary>Only a manager as Teams confirms her (<see cref="SenderIdentity.IsManagerAsync"/>); others are told <paramref name="refusalKey"/>.</summary>
    public RouteCondition ManagersOnly(string refusalKey) => new(
        sender.IsManagerAsync,
        (turn, cancellationToken) =>
        {
            logger.LogInformation("A manager action was refused to someone who is not a manager");
            return turn.SendActivityAsync(content.Ui(refusalKey, TurnInfo.Of(turn).Language), cancellationToken);
        });

    /// <summary>Only in a personal chat (what others would see, or a dialog stack shared with them, does not belong in a channel); elsewhere she is told <paramref name="refusalKey"/>.</summary>
    public RouteCondition PersonalChatOnly(string refusalKey) => new(
        (turn, _) => Task.FromResult(!ConversationScope.IsShared(turn.Activity)),
        (turn, cancellationToken) => turn.SendActivityAsync(content.Ui(refusalKey, TurnInfo.Of(turn).Language), cancellationToken));
}
