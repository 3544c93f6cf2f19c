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
/// her profile (language, onboarding progress, feedback and acknowledgements given, the ids of her personal
/// chats with the bot), the state of each of those personal chats, and her line in the onboarding report.
/// A channel thread's or group chat's state is shared with others and is not hers to delete; it expires.
/// One place to read when checking what the bot stores.
/// </summary>
public sealed class PrivacyFeature : IFeature
{
    /// <summary>The user-state property listing the personal chats whose state the bot keeps for her.</summary>
    public const string ChatsProperty = "personalChats";
    private const int MaxChats = 20;

    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly IStorage _storage;
    private readonly OnboardingFeature _onboarding;
    private readonly ReachStore _reach;
    private readonly SenderIdentity _sender;
    private readonly GuidelineCards _cards;
    private readonly StorageOptions _storageOptions;
    private readonly ILogger<PrivacyFeature> _logger;
    private readonly IStatePropertyAccessor<List<string>> _chats;

    public PrivacyFeature(
        ConversationState conversationState,
        UserState userState,
        IStorage storage,
        OnboardingFeature onboarding,
        ReachStore reach,
        SenderIdentity sender,
        GuidelineCards cards,
        IOptions<StorageOptions> storageOptions,
        ILogger<PrivacyFeature> logger)
    {
        _conversationState = conversationState;
        _userState = userState;
        _storage = storage;
        _onboarding = onboarding;
        _reach = reach;
        _sender = sender;
        _cards = cards;
        _storageOptions = storageOptions.Value;
        _logger = logger;
        _chats = userState.CreateProperty<List<string>>(ChatsProperty);
    }

    public void MapRoutes(RouteTable routes) => routes
        .OnCommand(["what do you keep about me", "what do you keep", "what do you store", "privacy",
            "que gardes-tu sur moi", "que gardes tu sur moi", "ce que tu gardes sur moi",
            "qu'est-ce que tu gardes", "qu'est-ce que tu gardes sur moi", "confidentialite"], WhatWeKeepAsync)
        .OnAction(CardActions.Privacy, WhatWeKeepAsync)
        .OnCommand(["forget me", "oublie-moi", "oublie moi", "oubliez-moi", "delete my data"], AskToForgetAsync)
        .AddDialog(new ForgetMeDialog(_cards, ForgetAsync));

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
            _cards.Ui("privacy.language", language),
            _cards.Ui("privacy.onboarding", language),
            _cards.Ui("privacy.onboardingRoster", language),
            _cards.Ui("privacy.conversation", language, (int)Math.Round((_conversationState.ExpireAfter ?? ConversationState.DefaultExpireAfter).TotalHours)),
            _cards.Ui("privacy.chats", language),
            _cards.Ui("privacy.feedback", language),
            _cards.Ui("privacy.acknowledgements", language),
            _cards.Ui("privacy.reach", language),
            _cards.Ui("privacy.reminders", language),
            _cards.Ui("privacy.stays", language),
        };
        if (_storageOptions.DeletedRetentionDays > 0) lines.Add(_cards.Ui("privacy.restorable", language, _storageOptions.DeletedRetentionDays));
        lines.Add(_cards.Ui("privacy.never", language));
        return _cards.Info(_cards.Ui("privacy.title", language), lines);
    }

    /// <summary>
    /// Notes, in her own profile, that the bot keeps this personal chat's state for her, so "forget me" can find
    /// it from anywhere. Only personal chats: a shared conversation's state is not hers.
    /// </summary>
    public async Task RememberPersonalChatAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ConversationScope.IsShared(activity) || string.IsNullOrEmpty(activity.From?.Id) || activity.Conversation?.Id is not { Length: > 0 } chatId) return;
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
        var sender = await _sender.ConfirmAsync(turn, cancellationToken).ConfigureAwait(false);
        if (sender is null)
        {
            await turn.SendActivityAsync(_cards.Ui("forget.unconfirmed", language), cancellationToken).ConfigureAwait(false);
            return;
        }

        var activity = turn.Activity;
        var chats = await _chats.GetAsync(turn, () => [], cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>();
        if (await _userState.DeleteAsync(turn, cancellationToken).ConfigureAwait(false)) deleted.Add(_cards.Ui("forget.item.profile", language));

        var chatStateDeleted = false;
        if (!ConversationScope.IsShared(activity))
        {
            chatStateDeleted = await _conversationState.DeleteAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        var others = chats.Where(id => id != activity.Conversation?.Id).Select(id => ConversationState.KeyFor(activity.ChannelId!, id)).ToList();
        if (others.Count > 0)
        {
            var stored = await _storage.ReadAsync(others, cancellationToken).ConfigureAwait(false);
            await _storage.DeleteAsync(others, cancellationToken).ConfigureAwait(false);
            chatStateDeleted |= stored.Count > 0;
        }
        if (chatStateDeleted) deleted.Add(_cards.Ui("forget.item.conversation", language));

        if (await _onboarding.ForgetAsync(turn, sender, cancellationToken).ConfigureAwait(false)) deleted.Add(_cards.Ui("forget.item.roster", language));
        if (await _reach.ForgetAsync(sender.Id, cancellationToken).ConfigureAwait(false)) deleted.Add(_cards.Ui("forget.item.reach", language));
        _logger.LogInformation("A user asked to be forgotten; {Count} kinds of documents deleted", deleted.Count);
        await turn.SendActivityAsync(deleted.Count == 0
            ? _cards.Ui("forget.nothing", language)
            : _cards.Ui("forget.done", language, string.Join(language == Language.Fr ? " et " : " and ", deleted)), cancellationToken).ConfigureAwait(false);
    }
}
