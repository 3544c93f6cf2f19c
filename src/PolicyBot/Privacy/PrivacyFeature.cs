using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using BotFramework.Dialogs;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Reach;

namespace PolicyBot.Privacy;

/// <summary>
/// What PolicyBot keeps about a user, said in one card, and "forget me": every document about her deleted —
/// her profile (language, onboarding progress, feedback and acknowledgements given, and the state of her personal
/// chat with the bot, kept inside it), the state of the personal chats an earlier version noted in it (their ids,
/// <see cref="ChatsProperty"/>, each a document of its own), and her line in the onboarding report.
/// A channel thread's or group chat's state is shared with others and is not hers to delete; it expires.
/// One place to read when checking what the bot stores.
/// </summary>
public sealed class PrivacyFeature(
    ConversationState conversationState,
    UserState userState,
    IStorage storage,
    OnboardingFeature onboarding,
    ReachStore reach,
    SenderIdentity sender,
    GuidelineCards cards,
    IOptions<StorageOptions> storageOptions,
    ILogger<PrivacyFeature> logger) : IFeature
{
    /// <summary>The user-state property listing the personal chats whose state the bot keeps for her.</summary>
    public const string ChatsProperty = "personalChats";
    private const int MaxChats = 20;

    private readonly StorageOptions _storageOptions = storageOptions.Value;
    private readonly IStatePropertyAccessor<List<string>> _chats = userState.CreateProperty<List<string>>(ChatsProperty);


    public void MapRoutes(RouteTable routes) => routes
        .OnCommand(["what do you keep about me", "what do you keep", "what do you store", "privacy",
            "que gardes-tu sur moi", "que gardes tu sur moi", "ce que tu gardes sur moi",
            "qu'est-ce que tu gardes", "qu'est-ce que tu gardes sur moi", "confidentialite"], WhatWeKeepAsync)
        .OnAction(CardActions.Privacy, WhatWeKeepAsync)
        .OnCommand(["forget me", "oublie-moi", "oublie moi", "oubliez-moi", "delete my data"], AskToForgetAsync)
        .AddDialog(new ForgetMeDialog(cards, ForgetAsync));

    private async Task<bool> WhatWeKeepAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.Context.SendCardAsync(WhatWeKeepCard(TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>"Forget me" asks first (<see cref="ForgetMeDialog"/>), which then calls <see cref="ForgetAsync"/>.</summary>
    private static async Task<bool> AskToForgetAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.BeginDialogAsync(ForgetMeDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>"What do you keep about me": exactly what is stored, for how long, and what stays after "forget me".</summary>
    public Attachment WhatWeKeepCard(Language language)
    {
        var lines = new List<string>
        {
            cards.Ui("privacy.language", language),
            cards.Ui("privacy.onboarding", language),
            cards.Ui("privacy.onboardingRoster", language),
            cards.Ui("privacy.conversation", language, (int)Math.Round((conversationState.ExpireAfter ?? ConversationState.DefaultExpireAfter).TotalHours)),
            cards.Ui("privacy.chats", language),
            cards.Ui("privacy.feedback", language),
            cards.Ui("privacy.acknowledgements", language),
            cards.Ui("privacy.reach", language),
            cards.Ui("privacy.reminders", language),
            cards.Ui("privacy.stays", language),
        };
        if (_storageOptions.DeletedRetentionDays > 0) lines.Add(cards.Ui("privacy.restorable", language, _storageOptions.DeletedRetentionDays));
        lines.Add(cards.Ui("privacy.never", language));
        return cards.Info(cards.Ui("privacy.title", language), lines);
    }

    /// <summary>
    /// Notes, in her own profile, that the bot keeps this personal chat's state for her, so "forget me" can find
    /// it from anywhere. Only personal chats: a shared conversation's state is not hers.
    /// </summary>
    public async Task RememberPersonalChatAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ConversationScope.IsShared(activity) || string.IsNullOrEmpty(activity.From?.Id) || activity.Conversation?.Id is not { Length: > 0 } chatId) return;
        // A chat whose state is inside her profile needs no note: deleting the profile deletes it.
        if (conversationState.IsKeptInUserState(turn)) return;
        if (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.Ordinal) == true) return;
        var chats = await _chats.GetAsync(turn, () => [], cancellationToken).ConfigureAwait(false);
        if (chats.Contains(chatId, StringComparer.Ordinal)) return;
        chats.Add(chatId);
        if (chats.Count > MaxChats) chats.RemoveRange(0, chats.Count - MaxChats);
        await _chats.SetAsync(turn, chats, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes every document kept about the user of this turn, then says what was deleted. Teams is asked
    /// first who she is (<see cref="SenderIdentity"/>), so nobody can erase someone else.
    /// </summary>
    public async Task ForgetAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var person = await sender.ConfirmAsync(turn, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            await turn.SendActivityAsync(cards.Ui("forget.unconfirmed", language), cancellationToken).ConfigureAwait(false);
            return;
        }

        var activity = turn.Activity;
        var chats = await _chats.GetAsync(turn, () => [], cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>();
        // Her personal chats' state kept inside her profile goes with it.
        var chatStateDeleted = conversationState.PersonalConversationsIn is not null && await userState.HoldsConversationsAsync(turn, cancellationToken).ConfigureAwait(false);
        if (await userState.DeleteAsync(turn, cancellationToken).ConfigureAwait(false)) deleted.Add(cards.Ui("forget.item.profile", language));

        if (!ConversationScope.IsShared(activity))
        {
            chatStateDeleted |= await conversationState.DeleteAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        // Chats noted by an earlier version, each a document of its own (this one too, when its state now lives in her profile).
        var inProfile = conversationState.IsKeptInUserState(turn);
        var others = chats.Where(id => inProfile || id != activity.Conversation?.Id).Select(id => ConversationState.KeyFor(activity.ChannelId!, id)).ToList();
        if (others.Count > 0)
        {
            var stored = await storage.ReadAsync(others, cancellationToken).ConfigureAwait(false);
            await storage.DeleteAsync(others, cancellationToken).ConfigureAwait(false);
            chatStateDeleted |= stored.Count > 0;
        }
        if (chatStateDeleted) deleted.Add(cards.Ui("forget.item.conversation", language));

        if (await onboarding.ForgetAsync(turn, person, cancellationToken).ConfigureAwait(false)) deleted.Add(cards.Ui("forget.item.roster", language));
        if (await reach.ForgetAsync(person.Id, cancellationToken).ConfigureAwait(false)) deleted.Add(cards.Ui("forget.item.reach", language));
        logger.LogInformation("A user asked to be forgotten; {Count} kinds of documents deleted", deleted.Count);
        await turn.SendActivityAsync(deleted.Count == 0
            ? cards.Ui("forget.nothing", language)
            : cards.Ui("forget.done", language, string.Join(language == Language.Fr ? " et " : " and ", deleted)), cancellationToken).ConfigureAwait(false);
    }
}
