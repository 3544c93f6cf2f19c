using BotFramework.Builder;
using BotFramework.Dialogs;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;
using PolicyBot.Matching;

namespace PolicyBot.Situations;

/// <summary>
/// What a user types outside any dialog is matched to the guideline topics (never stored or logged): a
/// clear match starts the situation that leads to that topic and fits the text best, without asking again
/// what the text already says (<see cref="SituationReader"/>); an unsure one starts the situation the text
/// names when that situation's questions tell the first two topics apart, and otherwise offers the best three
/// or four topics; no match shows the menu. The answer is in the question's language unless she chose a language herself.
/// </summary>
internal sealed class FreeTextRouter(ITopicFinder topics, GuidelineCards cards)
{
    private readonly SituationReader _situations = SituationReader.For(cards.Content);

    public async Task RespondAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var info = TurnInfo.Of(turn);
        var text = turn.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (ConversationScope.IsShared(turn.Activity)) await turn.SendActivityAsync(cards.Ui("channel.hint", info.Language), cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(cards.Menu(info.Language), cancellationToken).ConfigureAwait(false);
            return;
        }

        var found = topics.Find(text, info.Language);
        PolicyBotTelemetry.Matched(found);
        info = TurnInfo.AnswerIn(turn, found.Language);
        if (found.Confident && cards.Content.TryGetTopic(found.Best, out var topic))
        {
            var entry = _situations.Read(text, found.Language, topic.Id);
            await SituationDialog.StartAsync(dc, entry.Situation, topic.Id, entry.Answers, cancellationToken).ConfigureAwait(false);
        }
        else if (found.TopicIds.Count > 0 && _situations.ReadUnsure(text, found.Language, found.TopicIds) is { } shared)
        {
            // Not sure of the topic, but the text names the one situation whose questions tell most of the first three apart.
            await SituationDialog.StartAsync(dc, shared.Situation, shared.Topic, shared.Answers, cancellationToken).ConfigureAwait(false);
        }
        else if (found.TopicIds.Count > 0)
        {
            await turn.SendCardAsync(cards.TopicChoices(found.TopicIds.Take(found.Offered), info.Language), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A message matched to nothing may be danger the scope recogniser missed: the reply says where to turn.
            await turn.SendActivityAsync(cards.Ui("freeText.noMatch", info.Language, cards.DangerPointer(info.Language)), cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(cards.Menu(info.Language), cancellationToken).ConfigureAwait(false);
        }
    }
}
