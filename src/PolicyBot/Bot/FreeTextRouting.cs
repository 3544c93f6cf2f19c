using BotFramework.Builder;
using BotFramework.Dialogs;
using PolicyBot.Cards;
using PolicyBot.Dialogs;
using PolicyBot.Policy;

namespace PolicyBot.Bot;

/// <summary>
/// What a user types outside any dialog is matched to the guideline topics (never stored or logged): a
/// clear match starts that topic's situation, an unsure one offers the three best topics, no match shows
/// the menu. The answer is in the question's language unless she chose a language herself.
/// </summary>
internal sealed class FreeTextRouting(ITopicFinder topics, PolicyCards cards)
{
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
        if (!info.LanguageChosen && found.Language != info.Language)
        {
            info = info with { Language = found.Language };
            turn.TurnState.Set(info);
        }
        if (found.Confident && cards.Content.TryGetTopic(found.Best, out var topic))
        {
            await SituationDialog.StartAsync(dc, cards.Content.Situation(topic.Situation), topic.Id, cancellationToken).ConfigureAwait(false);
        }
        else if (found.TopicIds.Count > 0)
        {
            await turn.SendCardAsync(cards.TopicChoices(found.TopicIds.Take(3), info.Language), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await turn.SendActivityAsync(cards.Ui("freeText.noMatch", info.Language), cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(cards.Menu(info.Language), cancellationToken).ConfigureAwait(false);
        }
    }
}
