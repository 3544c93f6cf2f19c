using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// What managers do with the organisation's policy, and the policy cards everyone reads: the editor
/// and its saves, the history, posting a card in a channel or group chat, and the card's Universal
/// Actions (refresh for each viewer, "I've read it"). <see cref="PolicyBotHandler"/> calls it from a
/// few clearly marked places; everything else about the feature lives here.
/// </summary>
public sealed class PolicyFeature
{
    private readonly PolicyStore _store;
    private readonly PolicyCardBuilder _cards;
    private readonly PolicyCards _policyCards;
    private readonly ChannelPosting _posting;
    private readonly PostedCardStore _posted;
    private readonly PostedCardUpdater _updater;
    private readonly AcknowledgementCounter _acknowledgements;
    private readonly ITopicFinder _finder;
    private readonly SenderIdentity _sender;
    private readonly IStatePropertyAccessor<Dictionary<string, int>> _myAcknowledgements;
    private readonly ILogger<PolicyFeature> _logger;

    public PolicyFeature(
        PolicyStore store,
        PolicyCardBuilder cards,
        PolicyCards policyCards,
        ChannelPosting posting,
        PostedCardStore posted,
        PostedCardUpdater updater,
        AcknowledgementCounter acknowledgements,
        ITopicFinder finder,
        UserState userState,
        SenderIdentity sender,
        ILogger<PolicyFeature> logger)
    {
        _sender = sender;
        _store = store;
        _cards = cards;
        _policyCards = policyCards;
        _posting = posting;
        _posted = posted;
        _updater = updater;
        _acknowledgements = acknowledgements;
        _finder = finder;
        _logger = logger;
        _myAcknowledgements = userState.CreateProperty<Dictionary<string, int>>("policyAcknowledgements");
    }

    private ContentLibrary Content => _cards.Content;

    /// <summary>The organisation's choices every card of this turn shows.</summary>
    public async Task<OrganisationChoices> ChoicesAsync(CancellationToken cancellationToken) =>
        (await _store.CurrentAsync(cancellationToken).ConfigureAwait(false)).ToChoices();

    /// <summary>Card actions this feature answers (<c>action</c> in the submitted data).</summary>
    public static bool HandlesSubmit(string? action) =>
        action is CardActions.PolicyEdit or CardActions.PolicySave or CardActions.PolicyHistory or CardActions.AcknowledgePolicy or CardActions.Post;

    /// <summary>A typed policy command (my policy, policy history, post …); false when the text is not one.</summary>
    public async Task<bool> TryHandleTextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var command = PolicyCommand.Recognize(turn.Activity.Text);
        var info = TurnInfo.Of(turn);
        switch (command.Kind)
        {
            case PolicyCommandKind.Edit:
                await ShowEditorAsync(turn, cancellationToken).ConfigureAwait(false);
                return true;
            case PolicyCommandKind.History:
                await ShowHistoryAsync(turn, cancellationToken).ConfigureAwait(false);
                return true;
            case PolicyCommandKind.Post when !info.IsManager:
                // "post" alone or with a topic asks to post, which is refused; a staff question that merely
                // starts with "post" ("post a photo of the team?") is left to the rest of the bot.
                if (command.Rest.Length > 0 && !IsExactTopic(command.Rest)) return false;
                await RefuseAsync(turn, cancellationToken).ConfigureAwait(false);
                return true;
            case PolicyCommandKind.Post:
                if (!await _sender.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
                {
                    await RefuseAsync(turn, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                var finding = command.Rest.Length == 0 ? null : _finder.Find(command.Rest, info.Language);
                if (ConversationScope.IsShared(turn.Activity)) await PostFoundAsync(turn, finding, cancellationToken).ConfigureAwait(false);
                else await ExplainPostingAsync(turn, finding?.Best, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A click on one of this feature's <c>Action.Submit</c> buttons (including Action.Execute fallbacks).</summary>
    public async Task OnCardSubmitAsync(ITurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        switch (CardData.String(data, "action"))
        {
            case CardActions.PolicyEdit:
                await ShowEditorAsync(turn, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.PolicyHistory:
                await ShowHistoryAsync(turn, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.PolicySave:
                await SaveAsync(turn, data, cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.Post:
                await PostTopicAsync(turn, CardData.String(data, "topic"), cancellationToken).ConfigureAwait(false);
                return;
            case CardActions.AcknowledgePolicy when Content.TryGetTopic(CardData.String(data, "topic"), out var topic):
                var (acknowledged, _, _) = await AcknowledgeAsync(turn, topic, CardData.Int(data, "version"), cancellationToken).ConfigureAwait(false);
                await turn.SendActivityAsync(Content.Ui(acknowledged ? "policy.ack.thanks" : "policy.ack.outdated", language), cancellationToken).ConfigureAwait(false);
                if (!acknowledged) await turn.SendCardAsync(await CardForViewerAsync(turn, topic, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return;
            default:
                await turn.SendActivityAsync(Content.Ui("unknownAction", language), cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>The guideline card's "Post in a channel": posts when clicked in a channel or group chat, explains how from a personal chat.</summary>
    public async Task PostTopicAsync(ITurnContext turn, string? topicId, CancellationToken cancellationToken)
    {
        if (!await _sender.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await RefuseAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!ConversationScope.IsShared(turn.Activity))
        {
            await ExplainPostingAsync(turn, topicId, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (Content.TryGetTopic(topicId, out var topic)) await PostAsync(turn, topic, cancellationToken).ConfigureAwait(false);
        else await turn.SendActivityAsync(Content.Ui("policy.post.which", TurnInfo.Of(turn).Language), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A policy card's Universal Action: <c>refreshPolicyCard</c> answers with the current card in the
    /// viewer's language; <c>acknowledgePolicy</c> records "I've read it" and answers the same way.
    /// Null when the verb is not this feature's.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse?> OnExecuteAsync(ITurnContext turn, AdaptiveCardInvokeValue value, CancellationToken cancellationToken)
    {
        var verb = value.Action?.Verb;
        if (verb is not (CardActions.RefreshPolicyCard or CardActions.AcknowledgePolicy)) return null;
        var data = value.Action!.Data ?? default;
        if (!Content.TryGetTopic(CardData.String(data, "topic"), out var topic))
        {
            return AdaptiveCardInvokeResponse.BadRequest("BadRequest", Content.Ui("policy.unknownTopic", TurnInfo.Of(turn).Language));
        }
        if (verb == CardActions.AcknowledgePolicy)
        {
            await AcknowledgeAsync(turn, topic, CardData.Int(data, "version"), cancellationToken).ConfigureAwait(false);
        }
        var card = await CardForViewerAsync(turn, topic, cancellationToken).ConfigureAwait(false);
        return AdaptiveCardInvokeResponse.Card(card.Content!);
    }

    /// <summary>The bot was removed from a team or chat: forget the cards it posted there.</summary>
    public async Task ForgetConversationAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var removed = await _posted.ForgetAsync(activity.GetTeamsChannelData()?.Team?.Id, activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("PolicyBot was removed from a conversation; {Count} posted card references forgotten", removed);
    }

    private async Task ShowEditorAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var info = TurnInfo.Of(turn);
        if (!await _sender.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await RefuseAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (ConversationScope.IsShared(turn.Activity))
        {
            await turn.SendActivityAsync(Content.Ui("policy.channel.useChat", info.Language), cancellationToken).ConfigureAwait(false);
            return;
        }
        var policy = await _store.ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(_cards.Editor(policy, info.Language), cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowHistoryAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var info = TurnInfo.Of(turn);
        if (!await _sender.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await RefuseAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }
        var versions = await _store.HistoryAsync(_store.HistoryLength, cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(_cards.History(versions, info.Language), cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(ITurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var info = TurnInfo.Of(turn);
        if (!await _sender.IsManagerAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await RefuseAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }
        var wanted = WantedChanges(data);
        if (EmergencyChanges(data, wanted, info.Language) is { } refusal)
        {
            // A value the card cannot show safely: nothing is saved, and the editor comes back with what she had on it.
            await turn.SendActivityAsync(refusal, cancellationToken).ConfigureAwait(false);
            var policy = await _store.ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(_cards.Editor(policy, info.Language, data), cancellationToken).ConfigureAwait(false);
            return;
        }
        // The author as Teams confirmed her (the manager check above asked).
        var author = (await _sender.ConfirmAsync(turn, cancellationToken).ConfigureAwait(false))!;
        var commit = wanted.Count == 0
            ? new PolicyCommit(null, await _store.ReadCurrentAsync(cancellationToken).ConfigureAwait(false))
            // Once per activity: a turn that runs again must report the version it created, not "nothing changed".
            : await TurnEffects.Of(turn).OnceAsync("policy/save",
                () => _store.ChangeAsync(new PolicyAuthor(author.Name ?? "", author.AadObjectId!), wanted, cancellationToken)).ConfigureAwait(false);
        turn.TurnState.Set(info with { Choices = commit.Current.ToChoices() });
        if (commit.Created is not { } created)
        {
            await turn.SendActivityAsync(Content.Ui("policy.saved.nothing", info.Language, commit.Current.Version), cancellationToken).ConfigureAwait(false);
            return;
        }
        var basedOn = CardData.Int(data, "baseVersion");
        await turn.SendCardAsync(_cards.Saved(created, mergedWithAnother: created.Version > basedOn + 1, info.Language), cancellationToken).ConfigureAwait(false);
        _updater.RequestUpdate();
    }

    /// <summary>
    /// The decision points the manager changed on the editor, compared with what the editor showed
    /// (<c>base</c>): only those are applied, so another manager's concurrent changes stay. Unknown
    /// points and options are ignored.
    /// </summary>
    private Dictionary<string, string?> WantedChanges(JsonElement data)
    {
        var shown = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var point in Content.Topics.SelectMany(t => t.DecisionPoints))
        {
            var chosen = CardData.String(data, PolicyCardBuilder.InputPrefix + point.Id);
            if (chosen is null || (chosen != PolicyCardBuilder.NotDecided && chosen.Length > 0 && !point.Options.Contains(chosen))) continue;
            var option = chosen is PolicyCardBuilder.NotDecided or "" ? null : chosen;
            if (shown.ValueKind == JsonValueKind.Object && CardData.String(shown, point.Id) is { } before)
            {
                if ((before == PolicyCardBuilder.NotDecided ? null : before) == option) continue;
            }
            wanted[point.Id] = option;
        }
        return wanted;
    }

    /// <summary>
    /// Adds the emergency instructions the manager changed to <paramref name="wanted"/>; returns the message
    /// that refuses the save when one of them is not acceptable (too long, not a phone number, a link or markup).
    /// </summary>
    private string? EmergencyChanges(JsonElement data, Dictionary<string, string?> wanted, Language language)
    {
        var shown = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        foreach (var id in EmergencyInstructions.Ids)
        {
            var typed = CardData.String(data, PolicyCardBuilder.InputPrefix + id);
            if (typed is null) continue;
            if (!EmergencyInstructions.TryNormalize(id, typed, out var value))
            {
                _logger.LogInformation("A manager's emergency instruction ({Field}) was refused", id);
                var key = id == EmergencyInstructions.PhoneId ? "scope.emergency.invalidPhone" : "scope.emergency.invalidProcedure";
                return Content.Ui(key, language, EmergencyInstructions.MaxLength(id));
            }
            if (shown.ValueKind == JsonValueKind.Object && EmergencyInstructions.TryNormalize(id, CardData.String(shown, id), out var before) && before == value) continue;
            wanted[id] = value;
        }
        return null;
    }

    private async Task PostFoundAsync(ITurnContext turn, TopicFinding? finding, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        if (finding?.Best is null)
        {
            await turn.SendActivityAsync(Content.Ui("policy.post.which", language), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (finding.Confident)
        {
            await PostAsync(turn, Content.Topic(finding.Best), cancellationToken).ConfigureAwait(false);
            return;
        }
        // Not sure which topic: offer the best few, each button posting its topic.
        var buttons = finding.TopicIds.Take(5)
            .Select(id => (Content.Topic(id).Text(language).Title, new JsonObject { ["action"] = CardActions.Post, ["topic"] = id }))
            .ToArray();
        await turn.SendCardAsync(_policyCards.Info(Content.Ui("policy.post.choose", language), [], buttons), cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(ITurnContext turn, Topic topic, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var policy = await _store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Posted once even if this turn runs again after an ETag conflict (the second attempt reuses the first post).
            var card = await TurnEffects.Of(turn).OnceAsync($"post/{topic.Id}/{language.Code()}",
                () => _posting.PostAsync(turn, topic, language, policy, cancellationToken)).ConfigureAwait(false);
            if (card is null) _logger.LogWarning("A policy card was posted but the Connector gave no message id: it cannot be updated later");
            await turn.SendActivityAsync(Content.Ui("policy.post.done", language, topic.Text(language).Title), cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException e)
        {
            _logger.LogWarning("Posting a policy card failed with {Status}", (int)e.StatusCode);
            await turn.SendActivityAsync(Content.Ui("policy.post.failed", language), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task ExplainPostingAsync(ITurnContext turn, string? topicId, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(turn).Language;
        var example = Content.TryGetTopic(topicId, out var topic) ? topic.Text(language).Title : Content.Topics[0].Text(language).Title;
        return turn.SendActivityAsync(Content.Ui("policy.post.howTo", language, example), cancellationToken);
    }

    /// <summary>Records this user's "I've read it" for the topic's current version, once; false when the card showed an older version.</summary>
    private async Task<(bool Acknowledged, int Version, int Count)> AcknowledgeAsync(ITurnContext turn, Topic topic, int shownVersion, CancellationToken cancellationToken)
    {
        var policy = await _store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var version = policy.VersionOf(topic);
        if (shownVersion != version) return (false, version, 0);
        var mine = await _myAcknowledgements.GetAsync(turn, () => new Dictionary<string, int>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        if (mine.TryGetValue(topic.Id, out var already) && already == version)
        {
            return (true, version, await _acknowledgements.CountAsync(topic.Id, version, cancellationToken).ConfigureAwait(false));
        }
        mine[topic.Id] = version;
        await _myAcknowledgements.SetAsync(turn, mine, cancellationToken).ConfigureAwait(false);
        var count = await TurnEffects.Of(turn).OnceAsync($"acknowledge/{topic.Id}/{version}",
            () => _acknowledgements.AddAsync(topic.Id, version, cancellationToken)).ConfigureAwait(false);
        return (true, version, count);
    }

    /// <summary>The policy card as this viewer should see it now: current choices, their language, their own acknowledgement.</summary>
    private async Task<Attachment> CardForViewerAsync(ITurnContext turn, Topic topic, CancellationToken cancellationToken)
    {
        var policy = await _store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var version = policy.VersionOf(topic);
        var mine = await _myAcknowledgements.GetAsync(turn, () => new Dictionary<string, int>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var acknowledged = mine.TryGetValue(topic.Id, out var acked) && acked == version;
        var count = await _acknowledgements.CountAsync(topic.Id, version, cancellationToken).ConfigureAwait(false);
        return _cards.PolicyCard(topic, TurnInfo.Of(turn).Language, policy, new PolicyCardBuilder.Viewer(acknowledged, count));
    }

    private Task RefuseAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        _logger.LogInformation("A manager action was refused to someone who is not a manager");
        return turn.SendActivityAsync(Content.Ui("policy.refused", TurnInfo.Of(turn).Language), cancellationToken);
    }

    private bool IsExactTopic(string text) =>
        Content.Topics.Any(t => MatcherTopicFinder.Normalize(text) is var n && (n == t.Id || n == MatcherTopicFinder.Normalize(t.Fr.Title) || n == MatcherTopicFinder.Normalize(t.En.Title)));
}
