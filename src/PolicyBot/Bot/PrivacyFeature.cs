using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;

namespace PolicyBot.Bot;

/// <summary>
/// What PolicyBot keeps about a user, said in one card, and "forget me": every document about her deleted —
/// her profile (language, onboarding progress, acknowledgements), this chat's state and her line in the
/// onboarding report. One place to read when checking what the bot stores.
/// </summary>
public sealed class PrivacyFeature(
    ConversationState conversationState,
    UserState userState,
    OnboardingFeature onboarding,
    PolicyCards cards,
    ConversationExpiry conversationExpiry,
    ILogger<PrivacyFeature> logger)
{
    /// <summary>"What do you keep about me": exactly what is stored, and for how long.</summary>
    public Attachment WhatWeKeepCard(Language language) =>
        cards.Info(cards.Ui("privacy.title", language),
        [
            cards.Ui("privacy.language", language),
            cards.Ui("privacy.onboarding", language),
            cards.Ui("privacy.onboardingRoster", language),
            cards.Ui("privacy.conversation", language, (int)Math.Round(conversationExpiry.Value.TotalHours)),
            cards.Ui("privacy.feedback", language),
            cards.Ui("privacy.acknowledgements", language),
            cards.Ui("privacy.never", language),
        ]);

    /// <summary>Deletes every document kept about the user of this turn, then says what was deleted.</summary>
    public async Task ForgetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var deleted = new List<string>();
        if (await userState.DeleteAsync(turn, cancellationToken).ConfigureAwait(false)) deleted.Add(cards.Ui("forget.item.profile", language));
        if (await conversationState.DeleteAsync(turn, cancellationToken).ConfigureAwait(false)) deleted.Add(cards.Ui("forget.item.conversation", language));
        if (await onboarding.ForgetAsync(turn, cancellationToken).ConfigureAwait(false)) deleted.Add(cards.Ui("forget.item.roster", language));
        logger.LogInformation("A user asked to be forgotten; {Count} documents deleted", deleted.Count);
        await turn.SendActivityAsync(deleted.Count == 0
            ? cards.Ui("forget.nothing", language)
            : cards.Ui("forget.done", language, string.Join(language == Language.Fr ? " et " : " and ", deleted)), cancellationToken).ConfigureAwait(false);
    }
}
