using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;
using PolicyBot.Matching;

namespace PolicyBot.Bot;

/// <summary>
/// What the bot answers before looking for a topic (<see cref="ScopeRecognizer"/>). Danger to a person now
/// gets the safety card first — everywhere, also in the middle of a situation or a lesson, and before any
/// command — then, when the message is also a legal question, that the bot gives no legal advice, and when it
/// also concerns social media, the guideline that may apply. A legal question
/// is told the bot gives no legal advice, then offered the closest topics; something unrelated is told the bot
/// only knows the policy, with the menu; a greeting gets the welcome card again; thanks a short reply.
/// Only the kind is logged, never the text, and nothing of the message is kept.
/// </summary>
public sealed class ScopeReplies(ScopeRecognizer recognizer, GuidelineCards cards, SafetyCard safety, ITopicFinder topics, ILogger<ScopeReplies> logger)
{
    /// <summary>What this turn's text is, read once per turn.</summary>
    public ScopeResult Recognize(ITurnContext turn)
    {
        if (turn.TurnState.Get<ScopeResult>() is { } known) return known;
        var result = recognizer.Recognize(turn.Activity.Text, TurnInfo.Of(turn).Language);
        turn.TurnState.Set(result);
        return result;
    }

    /// <summary>
    /// When the message speaks of danger to a person now: the safety card; then, when it is also a legal question, the
    /// no-legal-advice reply; then the guideline that may apply. False otherwise.
    /// </summary>
    public async Task<bool> TryCrisisAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var result = Recognize(turn);
        if (result.Kind != ScopeKind.Crisis) return false;
        var info = Answering(turn, result);
        Conversation.PolicyBotTelemetry.Scope(result.Kind);
        logger.LogDebug("A message was recognised as {Kind}: safety card sent first (also about social media: {Social}, also legal: {Legal})", result.Kind, result.AboutSocialMedia, result.AlsoLegal);
        await turn.SendCardAsync(safety.Build(info.Language, EmergencyInstructions.From(info.Choices)), cancellationToken).ConfigureAwait(false);
        // "Can he sue us if we delete his threats?": the legal question still gets its answer, never before the safety card.
        if (result.AlsoLegal) await turn.SendActivityAsync(cards.Ui("scope.legal.noAdvice", info.Language), cancellationToken).ConfigureAwait(false);
        if (!result.AboutSocialMedia) return true;

        // A threat posted in a comment is also a page matter: the guideline may follow, never before the safety card.
        var found = topics.Find(turn.Activity.Text ?? "", info.Language);
        Conversation.PolicyBotTelemetry.Matched(found);
        if (found.Confident && cards.Content.TryGetTopic(found.Best, out var topic))
        {
            await turn.SendActivityAsync(cards.Ui("scope.safety.thenGuideline", info.Language), cancellationToken).ConfigureAwait(false);
            var shared = ConversationScope.IsShared(turn.Activity);
            await turn.SendCardAsync(cards.Guideline(topic, info.Language, GuidelineCase.None, info.Choices, info.IsManager, shared), cancellationToken).ConfigureAwait(false);
        }
        else if (found.TopicIds.Count > 0)
        {
            await turn.SendCardAsync(Choices(found.TopicIds, "scope.safety.thenChoices", info.Language), cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>A legal question, something unrelated, a greeting or thanks: answered, and true. False for anything else.</summary>
    public async Task<bool> TryAnswerAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var result = Recognize(turn);
        if (result.Kind is ScopeKind.None or ScopeKind.Crisis) return false;
        var info = Answering(turn, result);
        Conversation.PolicyBotTelemetry.Scope(result.Kind);
        logger.LogDebug("A message was recognised as {Kind}", result.Kind);
        var language = info.Language;
        switch (result.Kind)
        {
            case ScopeKind.Legal:
                // Alone (not after a safety card), the legal reply also says where to turn in danger: a danger message
                // the recogniser misses may land here, as on the unrelated reply and the bot's "not sure" replies.
                await turn.SendActivityAsync($"{cards.Ui("scope.legal.noAdvice", language)} {cards.DangerPointer(language)}", cancellationToken).ConfigureAwait(false);
                var found = topics.Find(turn.Activity.Text ?? "", language);
                if (found.TopicIds.Count > 0 && (found.Confident || result.AboutSocialMedia))
                {
                    await turn.SendCardAsync(Choices(found.TopicIds, "scope.legal.closestTopics", language), cancellationToken).ConfigureAwait(false);
                }
                break;
            case ScopeKind.Unrelated:
                await turn.SendActivityAsync(cards.Ui("scope.unrelated.onlyPolicy", language, cards.DangerPointer(language)), cancellationToken).ConfigureAwait(false);
                await turn.SendCardAsync(cards.Menu(language), cancellationToken).ConfigureAwait(false);
                break;
            case ScopeKind.Greeting:
                await turn.SendCardAsync(cards.Welcome(language), cancellationToken).ConfigureAwait(false);
                break;
            case ScopeKind.Thanks:
                await turn.SendActivityAsync(cards.Ui("scope.thanks.reply", language), cancellationToken).ConfigureAwait(false);
                break;
        }
        return true;
    }

    /// <summary>The reply is in the message's language unless she chose a language herself.</summary>
    private static TurnInfo Answering(ITurnContext turn, ScopeResult result) => TurnInfo.AnswerIn(turn, result.Language);

    /// <summary>The best three topics as buttons, under a title that says why they are offered.</summary>
    private Attachment Choices(IEnumerable<string> topicIds, string titleKey, Language language)
    {
        var data = cards.TopicChoicesData(topicIds.Take(3), language);
        data["title"] = cards.Ui(titleKey, language);
        return Attachment.AdaptiveCard(CardTemplates.Expand("topic-choices", data));
    }
}
