using BotFramework.Builder;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Conversation;

/// <summary>
/// What every part of the bot needs to know about the current turn, decided at its start. It changes only
/// through <see cref="ChooseLanguage"/> (she switched language), <see cref="AnswerIn"/> (her message is in the
/// other language) and <see cref="UseChoices"/> (a manager saved new choices). <see cref="IsManager"/> is what the activity says (<c>from.aadObjectId</c> is a manager): enough to choose
/// what a card shows, never to act: every manager action asks <see cref="SenderIdentity.IsManagerAsync"/>.
/// </summary>
public sealed record TurnInfo(Language Language, bool IsManager, OrganisationChoices Choices)
{
    /// <summary>True when the language comes from the user's own choice, not from Teams' locale.</summary>
    public bool LanguageChosen { get; init; }

    public static TurnInfo Of(ITurnContext turnContext) =>
        turnContext.TurnState.Get<TurnInfo>() ?? throw new InvalidOperationException("TurnInfo is set at the start of every PolicyBot turn.");

    /// <summary>She chose this language: the rest of the turn, and her next ones, use it.</summary>
    public static TurnInfo ChooseLanguage(ITurnContext turn, Language language) =>
        Replace(turn, Of(turn) with { Language = language, LanguageChosen = true });

    /// <summary>The rest of the turn answers in the language of her message, unless she chose one herself.</summary>
    public static TurnInfo AnswerIn(ITurnContext turn, Language language)
    {
        var info = Of(turn);
        return info.LanguageChosen || info.Language == language ? info : Replace(turn, info with { Language = language });
    }

    /// <summary>The organisation's choices changed during the turn: the rest of it shows the new ones.</summary>
    public static TurnInfo UseChoices(ITurnContext turn, OrganisationChoices choices) => Replace(turn, Of(turn) with { Choices = choices });

    private static TurnInfo Replace(ITurnContext turn, TurnInfo info)
    {
        turn.TurnState.Set(info);
        return info;
    }
}
