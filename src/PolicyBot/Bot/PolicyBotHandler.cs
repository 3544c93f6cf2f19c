using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Cards;
using PolicyBot.Diagnostics;
using PolicyBot.Dialogs;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Policy;

namespace PolicyBot.Bot;

/// <summary>
/// PolicyBot's turn: decides the language and role, handles what works at any moment (help, menu,
/// cancel, language, privacy, forget me) in one place, then card clicks, then the active dialog, then
/// free text. It never logs, stores or repeats what a user typed.
/// </summary>
public sealed class PolicyBotHandler : ActivityHandler
{
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<UserProfile> _profile;
    private readonly IStatePropertyAccessor<ConversationFlags> _flags;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly DialogSet _dialogs;
    private readonly PolicyCards _cards;
    private readonly SituationDialog _situation;
    private readonly FeedbackCounter _feedback;
    private readonly PolicyFeature _policy;
    private readonly PolicySearch _policySearch;
    private readonly PolicyBotOptions _options;
    private readonly FreeTextRouting _freeText;
    private readonly ILogger<PolicyBotHandler> _logger;
    private readonly OnboardingFeature _onboarding;
    private readonly PrivacyFeature _privacy;
    private readonly ScopeReplies _scope;
    private readonly DiagnosticFeature _diagnostic;

    public PolicyBotHandler(
        ConversationState conversationState,
        UserState userState,
        PolicyCards cards,
        FeedbackCounter feedback,
        PolicyFeature policy,
        PolicySearch policySearch,
        ITopicFinder topics,
        IOptions<PolicyBotOptions> options,
        ILogger<PolicyBotHandler> logger,
        OnboardingFeature onboarding,
        PrivacyFeature privacy,
        ScopeReplies scope,
        DiagnosticFeature diagnostic)
    {
        _scope = scope;
        _diagnostic = diagnostic;
        _conversationState = conversationState;
        _privacy = privacy;
        _cards = cards;
        _feedback = feedback;
        _policy = policy;
        _policySearch = policySearch;
        _freeText = new FreeTextRouting(topics, cards);
        _options = options.Value;
        _logger = logger;
        _profile = userState.CreateProperty<UserProfile>("profile");
        _flags = conversationState.CreateProperty<ConversationFlags>("flags");
        _dialogState = conversationState.CreateProperty<DialogState>("dialogState");
        _situation = new SituationDialog(cards);
        _dialogs = new DialogSet(_dialogState);
        _dialogs.Add(_situation);
        _dialogs.Add(new ForgetMeDialog(cards));
        _onboarding = onboarding;
        foreach (var dialog in onboarding.Dialogs) _dialogs.Add(dialog);
    }

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var conversing = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        // Read without creating: a user who never chose anything has no profile document at all.
        var profile = conversing ? await _profile.GetAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false) : null;
        var language = profile?.Language is { } chosen ? Languages.Parse(chosen) : Languages.FromLocale(activity.GetLocale());
        // The organisation's current policy: read at most once per PolicyBot:Policy:CacheDuration per instance.
        var choices = conversing ? await _policy.ChoicesAsync(cancellationToken).ConfigureAwait(false) : OrganisationChoices.None;
        turnContext.TurnState.Set(new TurnInfo(language, _options.IsManager(activity.From?.AadObjectId), choices) { LanguageChosen = profile?.Language is not null });
        // Her personal chat's state is kept for her: noted in her profile, so "forget me" finds it from anywhere.
        await _privacy.RememberPersonalChatAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
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
        await turnContext.SendCardAsync(_cards.Welcome(TurnInfo.Of(turnContext).Language), cancellationToken).ConfigureAwait(false);
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
        // to the running situation or lesson, a topic. The dialog is left as it was.
        if (!activity.IsCardSubmit && await _scope.TryCrisisAsync(dc, cancellationToken).ConfigureAwait(false)) return;

        var language = TurnInfo.Of(turnContext).Language;
        if (_conversationState.WasExpired(turnContext) && !activity.IsCardSubmit)
        {
            await turnContext.SendActivityAsync(_cards.Ui("expired.notice", language), cancellationToken).ConfigureAwait(false);
        }

        if (activity.IsCardSubmit)
        {
            await OnCardSubmitAsync(dc, activity.Value!.Value, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Policy commands: my policy, policy history, post <topic or words>.
        if (await _policy.TryHandleTextAsync(turnContext, cancellationToken).ConfigureAwait(false)) return;

        if (DiagnosticFeature.Recognizes(activity.Text))
        {
            await _diagnostic.RespondAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        var command = Commands.Recognize(activity.Text);
        if (command != Command.None)
        {
            await OnCommandAsync(dc, command, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            await AfterDialogAsync(dc, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Legal, unrelated, greetings and thanks are answered as such, never with a guideline as if it matched.
        if (await _scope.TryAnswerAsync(dc, cancellationToken).ConfigureAwait(false)) return;
        await _freeText.RespondAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnCommandAsync(DialogContext dc, Command command, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var language = TurnInfo.Of(turn).Language;
        switch (command)
        {
            case Command.Help:
                await turn.SendCardAsync(HelpCard(language), cancellationToken).ConfigureAwait(false);
                if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                break;
            case Command.Menu:
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(_cards.Menu(language), cancellationToken).ConfigureAwait(false);
                break;
            case Command.Cancel:
                var hadDialog = dc.ActiveDialog is not null;
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(_cards.Ui(hadDialog ? "cancel.done" : "cancel.nothing", language), cancellationToken).ConfigureAwait(false);
                break;
            case Command.StartOver:
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(_cards.Menu(language), cancellationToken).ConfigureAwait(false);
                break;
            case Command.French:
            case Command.English:
                await SwitchLanguageAsync(dc, command == Command.French ? Language.Fr : Language.En, cancellationToken).ConfigureAwait(false);
                break;
            case Command.Privacy:
                await turn.SendCardAsync(_privacy.WhatWeKeepCard(language), cancellationToken).ConfigureAwait(false);
                if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                break;
            case Command.ForgetMe:
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                var result = await dc.BeginDialogAsync(ForgetMeDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
                await AfterDialogAsync(dc, result, cancellationToken).ConfigureAwait(false);
                break;
            case var _ when OnboardingFeature.Handles(command):
                await _onboarding.OnCommandAsync(dc, command, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnCardSubmitAsync(DialogContext dc, JsonElement data, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var language = TurnInfo.Of(turn).Language;
        var action = CardData.String(data, "action");
        var topicId = CardData.String(data, "topic");

        // An answer to a situation's question: the button says which one, so older cards work too.
        if (CardData.String(data, "choice") is { } choice && CardData.String(data, "situation") is { } situationId && CardData.String(data, "question") is { } questionId)
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            var result = await dc.BeginDialogAsync(SituationDialog.DialogId,
                new SituationDialog.Step { Situation = situationId, Question = questionId, Answer = choice, Answered = [.. CardData.Strings(data, "answers")] },
                cancellationToken).ConfigureAwait(false);
            await AfterDialogAsync(dc, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await _onboarding.TryHandleCardAsync(dc, data, cancellationToken).ConfigureAwait(false)) return;

        switch (action)
        {
            case null when CardData.String(data, "choice") is not null && dc.ActiveDialog is not null:
                var answered = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
                await AfterDialogAsync(dc, answered, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Menu:
                await OnCommandAsync(dc, Command.Menu, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Cancel:
                await OnCommandAsync(dc, Command.Cancel, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Help:
                await OnCommandAsync(dc, Command.Help, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Privacy:
                await OnCommandAsync(dc, Command.Privacy, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Language when CardData.String(data, "language") is "fr" or "en":
                await SwitchLanguageAsync(dc, Languages.Parse(CardData.String(data, "language")!), cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Situation when _cards.Content.TryGetSituation(CardData.String(data, "situation"), out var situation):
                await SituationDialog.StartAsync(dc, situation, topic: null, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Topic when _cards.Content.TryGetTopic(topicId, out var topic):
                if (CardData.True(data, "direct"))
                {
                    await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                    await _situation.ShowGuidelineAsync(turn, new SituationOutcome { Topic = topic.Id }, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await SituationDialog.StartAsync(dc, _cards.Content.Situation(topic.Situation), topic.Id, cancellationToken).ConfigureAwait(false);
                }
                return;
            case CardActions.Feedback when _cards.Content.TryGetTopic(topicId, out var rated) && data.TryGetProperty("helpful", out var helpful) && helpful.ValueKind is JsonValueKind.True or JsonValueKind.False:
                // Counted once per person (and once even if the turn runs again after an ETag conflict).
                await _feedback.RecordAsync(turn, rated.Id, helpful.GetBoolean(), cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(_cards.Ui("feedback.thanks", language), cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Refresh when _cards.Content.TryGetTopic(topicId, out var current):
                // "Update" on a client without Universal Actions: send the current card as a new message.
                await _situation.ShowGuidelineAsync(turn, new SituationOutcome { Topic = current.Id }, cancellationToken).ConfigureAwait(false);
                return;
            case var policyAction when PolicyFeature.HandlesSubmit(policyAction):
                await _policy.OnCardSubmitAsync(turn, data, cancellationToken).ConfigureAwait(false);
                return;
            default:
                _logger.LogInformation("A card click carried data the bot does not know; showing the menu");
                await turn.SendActivityAsync(_cards.Ui("unknownAction", language), cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(_cards.Menu(language), cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _policy.ForgetConversationAsync(turnContext, cancellationToken);

    /// <summary>
    /// Universal Actions: "Update" on a guideline card answers with the topic's current guideline in the
    /// viewer's language, which replaces the card for them; posted policy cards (refresh, acknowledge)
    /// belong to the policy feature.
    /// </summary>
    protected override async Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        if (invokeValue.Action?.Verb != CardActions.RefreshGuidelineVerb)
        {
            return await _policy.OnExecuteAsync(turnContext, invokeValue, cancellationToken).ConfigureAwait(false)
                ?? AdaptiveCardInvokeResponse.BadRequest("NotSupported", "This card action is not supported.");
        }
        var info = TurnInfo.Of(turnContext);
        if (_cards.Content.TryGetTopic(CardData.String(invokeValue.Action.Data ?? default, "topic"), out var topic))
        {
            var card = _cards.Guideline(topic, info.Language, GuidelineCase.None, info.Choices, info.IsManager, ConversationScope.IsShared(turnContext.Activity));
            return AdaptiveCardInvokeResponse.Card(card.Content!);
        }
        _logger.LogInformation("An Action.Execute carried a topic the bot does not know");
        return AdaptiveCardInvokeResponse.BadRequest("NotSupported", "This card action is not supported.");
    }

    protected override async Task<object?> OnComposeExtensionAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Name == InvokeNames.ComposeExtensionQuery
            ? await _policySearch.QueryAsync(turnContext, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task SwitchLanguageAsync(DialogContext dc, Language language, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var profile = await _profile.GetAsync(turn, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        profile.Language = language.Code();
        turn.TurnState.Set(TurnInfo.Of(turn) with { Language = language, LanguageChosen = true });
        await turn.SendActivityAsync(_cards.Ui("language.switched", language), cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task AfterDialogAsync(DialogContext dc, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status == DialogTurnStatus.Complete && result.Result is ForgetMeDialog.Confirmed)
        {
            await _privacy.ForgetAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        }
    }

    private Attachment HelpCard(Language language) =>
        _cards.Info(_cards.Ui("help.title", language), [_cards.Ui("help.body", language), _cards.Ui("help.notCrisis", language)],
            (_cards.Ui("action.menu", language), new JsonObject { ["action"] = CardActions.Menu }),
            (_cards.Ui("action.privacy", language), new JsonObject { ["action"] = CardActions.Privacy }),
            (_cards.Ui(language == Language.Fr ? "action.english" : "action.french", language),
                new JsonObject { ["action"] = CardActions.Language, ["language"] = language.Other().Code() }));
}

/// <summary>How long conversation state lives without activity (from <c>Bot:ConversationStateExpiry</c>).</summary>
public sealed record ConversationExpiry(TimeSpan Value);
