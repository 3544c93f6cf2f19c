using System.Text.Json.Nodes;
using BotFramework.Dialogs;
using BotFramework.Builder;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;
using PolicyBot.Bot;
using PolicyBot.Cards;

namespace PolicyBot.Dialogs;

/// <summary>"Forget me": asks for confirmation, then ends with <see cref="Confirmed"/> so the bot deletes the user's documents.</summary>
public sealed class ForgetMeDialog : ComponentDialog
{
    public const string DialogId = "forget-me";
    public const string Confirmed = "forget-confirmed";
    private const string ConfirmPromptId = "forget-me.confirm";

    private readonly PolicyCards _cards;

    public ForgetMeDialog(PolicyCards cards) : base(DialogId)
    {
        _cards = cards;
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        AddDialog(new WaterfallDialog("forget-me.steps", [AskToConfirmAsync, DecideAsync]));
        InitialDialogId = "forget-me.steps";
    }

    private async Task<DialogTurnResult> AskToConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(step.Context).Language;
        var prompt = Activity.CreateMessage();
        prompt.Attachments =
        [
            _cards.Info(_cards.Ui("privacy.title", language), [_cards.Ui("forget.confirm", language), _cards.Ui("forget.confirm.onboarding", language)],
                (_cards.Ui("action.forgetYes", language), new JsonObject { ["choice"] = "yes" }),
                (_cards.Ui("action.forgetNo", language), new JsonObject { ["choice"] = "no" })),
        ];
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = prompt, RetryPrompt = prompt }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> DecideAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true) return await step.EndDialogAsync(Confirmed, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(_cards.Ui("forget.kept", TurnInfo.Of(step.Context).Language), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
