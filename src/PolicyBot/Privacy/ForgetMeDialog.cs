using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Conversation;

namespace PolicyBot.Privacy;

/// <summary>"Forget me": says what will be deleted and asks first; on yes it ends, then has <paramref name="forget"/> delete the user's documents.</summary>
public sealed class ForgetMeDialog(GuidelineCards cards, Func<ITurnContext, CancellationToken, Task> forget) : ConfirmationDialog(DialogId, Confirmed)
{
    public const string DialogId = "forget-me";
    private const string Confirmed = "forget-confirmed";

    /// <summary>A confirmed "forget me" deletes once the dialog has ended, so nothing of it is saved again.</summary>
    protected override async Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        var ended = await base.EndComponentAsync(outerDc, result, cancellationToken).ConfigureAwait(false);
        if (result is Confirmed) await forget(outerDc.Context, cancellationToken).ConfigureAwait(false);
        return ended;
    }

    protected override Attachment ConfirmationCard(Language language) =>
        cards.Info(cards.Ui("privacy.title", language), [cards.Ui("forget.confirm", language), cards.Ui("forget.confirm.onboarding", language)],
            (cards.Ui("action.forgetYes", language), new JsonObject { ["choice"] = "yes" }),
            (cards.Ui("action.forgetNo", language), new JsonObject { ["choice"] = "no" }));

    protected override string NothingChanged(Language language) => cards.Ui("forget.kept", language);
}
