using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Dialogs;

/// <summary>"Forget me": says what will be deleted and asks first; a yes ends with <see cref="Confirmed"/> so the bot deletes the user's documents.</summary>
public sealed class ForgetMeDialog(PolicyCards cards) : ConfirmationDialog(DialogId, Confirmed)
{
    public const string DialogId = "forget-me";
    public const string Confirmed = "forget-confirmed";

    protected override Attachment ConfirmationCard(Language language) =>
        cards.Info(cards.Ui("privacy.title", language), [cards.Ui("forget.confirm", language), cards.Ui("forget.confirm.onboarding", language)],
            (cards.Ui("action.forgetYes", language), new JsonObject { ["choice"] = "yes" }),
            (cards.Ui("action.forgetNo", language), new JsonObject { ["choice"] = "no" }));

    protected override string NothingChanged(Language language) => cards.Ui("forget.kept", language);
}
