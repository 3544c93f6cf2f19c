using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Privacy;
using PolicyBot.Reach;
using PolicyBot.Situations;

namespace PolicyBot.Bot;

/// <summary>
/// PolicyBot's turn: decides the language and role, then dispatches. A typed message is first read for danger
/// to a person (before anything else, also inside a running dialog); then card clicks, typed commands and
/// free text go to the <see cref="RouteTable"/> the features fill, with the running dialog between commands and
/// free text, and the scope replies (legal, unrelated, greetings, thanks) before free text. It never logs,
/// stores or repeats what a user typed.
/// </summary>
public sealed class PolicyBotHandler(
    ConversationState conversationState,
    UserState userState,
    RouteTable routes,
    GuidelineCards cards,
    PolicyStore policy,
    PostedCardStore posted,
    PrivacyFeature privacy,
    ScopeReplies scope,
    ReachFeature reach,
    IOptions<PolicyBotOptions> options,
    ILogger<PolicyBotHandler> logger) : ActivityHandler
{
    private readonly IStatePropertyAccessor<UserProfile> _profile = userState.CreateProperty<UserProfile>("profile");
    private readonly IStatePropertyAccessor<ConversationFlags> _flags = conversationState.CreateProperty<ConversationFlags>("flags");
    private readonly DialogSet _dialogs = DialogsOf(conversationState, routes);
    private readonly PolicyBotOptions _options = options.Value;

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var conversing = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        // Read without creating: a user who never chose anything has no profile document at all.
        var profile = conversing ? await _profile.GetAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false) : null;
        var language = profile?.Language is { } chosen ? Languages.Parse(chosen) : Languages.FromLocale(activity.GetLocale());
        // The organisation's current policy: read at most once per PolicyBot:Policy:CacheDuration per instance.
        var choices = conversing ? (await policy.CurrentAsync(cancellationToken).ConfigureAwait(false)).ToChoices() : OrganisationChoices.None;
        turnContext.TurnState.Set(new TurnInfo(language, _options.IsManager(activity.From?.AadObjectId), choices) { LanguageChosen = profile?.Language is not null });
        // Her personal chat's state is kept for her: noted in her profile, so "forget me" finds it from anywhere.
        await privacy.RememberPersonalChatAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The bot installed here (its welcome), and people added to a team (a personal welcome each, once).</summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await reach.WelcomeNewMembersAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Teams sends both an installationUpdate and a conversationUpdate on install: greet once.
        var flags = await _flags.GetAsync(turnContext, () => new ConversationFlags(), cancellationToken).ConfigureAwait(false);
        if (flags.Welcomed) return;
        flags.Welcomed = true;
        await turnContext.SendCardAsync(cards.Welcome(TurnInfo.Of(turnContext).Language), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (ConversationScope.IsShared(activity))
        {
            // In channels and group chats the bot answers only when @mentioned (card clicks excepted).
            if (!activity.IsCardSubmit && !activity.Mentions(activity.Recipient?.Id)) return;
            activity.RemoveMentionText(activity.Recipient?.Id);
        }

        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        // Danger to a person comes before everything a typed message could otherwise be: a command, an answer
        // to the running situation or lesson, a topic. The dialog is left as it was. Only a button's own label,
        // typed whole, is that answer first (a threat button ends on the safety card anyway).
        if (!activity.IsCardSubmit && !SituationDialog.IsWaitingButton(dc, cards.Content, activity.Text)
            && await scope.TryCrisisAsync(dc, cancellationToken).ConfigureAwait(false))
        {
            // "help" alone may be a cry for help or the command: the safety card came first, the help card follows.
            await routes.TryCommandWordAsync(dc, cancellationToken).ConfigureAwait(false);
            return;
        }

        var language = TurnInfo.Of(turnContext).Language;
        if (activity.IsCardSubmit)
        {
            if (await routes.TrySubmitAsync(dc, activity.Value!.Value, cancellationToken).ConfigureAwait(false)) return;
            logger.LogInformation("A card click carried data the bot does not know; showing the menu");
            await turnContext.SendActivityAsync(cards.Ui("unknownAction", language), cancellationToken).ConfigureAwait(false);
            await turnContext.SendCardAsync(cards.Menu(language), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (conversationState.WasExpired(turnContext))
        {
            await turnContext.SendActivityAsync(cards.Ui("expired.notice", language), cancellationToken).ConfigureAwait(false);
        }
        if (await routes.TryCommandAsync(dc, cancellationToken).ConfigureAwait(false)) return;
        if (dc.ActiveDialog is not null)
        {
            await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Legal, unrelated, greetings and thanks are answered as such, never with a guideline as if it matched.
        if (await scope.TryAnswerAsync(dc, cancellationToken).ConfigureAwait(false)) return;
        await routes.FreeTextAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Universal Actions (<c>Action.Execute</c>), by verb.</summary>
    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        await (routes.Execute(turnContext, invokeValue, cancellationToken)
            ?? Task.FromResult(AdaptiveCardInvokeResponse.BadRequest("NotSupported", "This card action is not supported."))).ConfigureAwait(false);

    /// <summary>Invokes the base handler does not know, by name (a file consent answer); answered 200 once routed.</summary>
    protected override async Task<InvokeResponse?> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != InvokeNames.FileConsent) return await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await routes.InvokeAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return new InvokeResponse(200);
    }

    protected override Task<object?> OnComposeExtensionAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        routes.InvokeAsync(turnContext, cancellationToken);

    /// <summary>The bot was removed from a team or chat: the cards it posted there are forgotten.</summary>
    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var removed = await posted.ForgetAsync(activity.GetTeamsChannelData()?.Team?.Id, activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("PolicyBot was removed from a conversation; {Count} posted card references forgotten", removed);
    }

    /// <summary>The dialogs the features registered, kept in the conversation state.</summary>
    private static DialogSet DialogsOf(ConversationState conversationState, RouteTable routes)
    {
        var dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("dialogState"));
        foreach (var dialog in routes.Dialogs) dialogs.Add(dialog);
        return dialogs;
    }
}
