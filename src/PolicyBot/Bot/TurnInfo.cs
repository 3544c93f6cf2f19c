using BotFramework.Builder;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Bot;

/// <summary>
/// What every part of the bot needs to know about the current turn, decided once at its start.
/// <see cref="IsManager"/> is what the activity says (<c>from.aadObjectId</c> is a manager): enough to choose
/// what a card shows, never to act: every manager action asks <see cref="SenderIdentity.IsManagerAsync"/>.
/// </summary>
public sealed record TurnInfo(Language Language, bool IsManager, OrganisationChoices Choices)
{
    /// <summary>True when the language comes from the user's own choice, not from Teams' locale.</summary>
    public bool LanguageChosen { get; init; }

    public static TurnInfo Of(ITurnContext turnContext) =>
        turnContext.TurnState.Get<TurnInfo>() ?? throw new InvalidOperationException("TurnInfo is set at the start of every PolicyBot turn.");
}
