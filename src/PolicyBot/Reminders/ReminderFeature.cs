using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Reach;

namespace PolicyBot.Reminders;

/// <summary>
/// The onboarding reminder as she sees it — a short card with "Continue" (her lesson, where she left it) and
/// "Stop reminders" — and the way to stop them: the button, or typing <c>stop reminders</c> /
/// <c>arrêter les rappels</c>.
/// </summary>
public sealed class ReminderFeature(ReachStore store, GuidelineCards cards) : IFeature
{
    public void MapRoutes(RouteTable routes) => routes
        .OnCommand(["stop reminders", "arrêter les rappels", "stop the reminders", "plus de rappels"], StopAsync)
        .OnAction(CardActions.RemindersStop, StopAsync);

    /// <summary>The reminder card, in her language.</summary>
    public Attachment ReminderCard(Language language) => cards.Info(
        cards.Ui("reminder.title", language),
        [cards.Ui("reminder.body", language), cards.Ui("reminder.stopHint", language)],
        (cards.Ui("reminder.continue", language), new JsonObject { ["action"] = CardActions.OnboardingContinue }),
        (cards.Ui("reminder.stop", language), new JsonObject { ["action"] = CardActions.RemindersStop }));

    private async Task<bool> StopAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var language = TurnInfo.Of(turn).Language;
        if (turn.Activity.From?.Id is { Length: > 0 } userId)
        {
            // Only an existing record is marked: nothing is created for someone the bot never reminds.
            var existing = await store.ReadAsync(userId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                await store.UpdateAsync(userId, record =>
                {
                    if (record.RemindersStopped) return false;
                    record.RemindersStopped = true;
                    return true;
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        await turn.SendActivityAsync(cards.Ui("reminder.stopped", language), cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
