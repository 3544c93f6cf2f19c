using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using BotFramework.State;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;

namespace PolicyBot.Bot;

/// <summary>What works at any moment, typed or clicked: help, the menu, cancel, start over, and the language switch.</summary>
public sealed class GlobalCommands(GuidelineCards cards, UserState userState) : IFeature
{
    private readonly IStatePropertyAccessor<UserProfile> _profile = userState.CreateProperty<UserProfile>("profile");

    public void MapRoutes(RouteTable routes) => routes
        .OnCommand(["help", "aide", "?"], HelpAsync)
        .OnAction(CardActions.Help, HelpAsync)
        .OnCommand(["menu", "situations"], MenuAsync)
        .OnAction(CardActions.Menu, MenuAsync)
        .OnCommand(["cancel", "annuler", "annule", "stop", "arreter"], CancelAsync)
        .OnAction(CardActions.Cancel, CancelAsync)
        .OnCommand(["start over", "restart", "recommencer", "recommence", "reset"], MenuAsync)
        .OnCommand(["francais", "french", "en francais"], (dc, ct) => SwitchLanguageAsync(dc, Language.Fr, ct))
        .OnCommand(["english", "anglais", "in english", "en anglais"], (dc, ct) => SwitchLanguageAsync(dc, Language.En, ct))
        .OnAction(CardActions.Language, (dc, ct) =>
            CardData.String(dc.Context.Activity.Value!.Value, "language") is { } code && code is "fr" or "en"
                ? SwitchLanguageAsync(dc, Languages.Parse(code), ct)
                : Task.FromResult(false));

    private async Task<bool> HelpAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.Context.SendCardAsync(HelpCard(TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The menu, leaving whatever was running ("menu" and "start over").</summary>
    private async Task<bool> MenuAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.Context.SendCardAsync(cards.Menu(TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> CancelAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var hadDialog = dc.ActiveDialog is not null;
        await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        await dc.Context.SendActivityAsync(cards.Ui(hadDialog ? "cancel.done" : "cancel.nothing", TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> SwitchLanguageAsync(DialogContext dc, Language language, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var profile = await _profile.GetAsync(turn, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        profile.Language = language.Code();
        TurnInfo.ChooseLanguage(turn, language);
        await turn.SendActivityAsync(cards.Ui("language.switched", language), cancellationToken).ConfigureAwait(false);
        if (dc.ActiveDialog is not null) await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Attachment HelpCard(Language language) =>
        cards.Info(cards.Ui("help.title", language), [cards.Ui("help.body", language), cards.Ui("help.notCrisis", language)],
            (cards.Ui("action.menu", language), new JsonObject { ["action"] = CardActions.Menu }),
            (cards.Ui("action.privacy", language), new JsonObject { ["action"] = CardActions.Privacy }),
            (cards.Ui(language == Language.Fr ? "action.english" : "action.french", language),
                new JsonObject { ["action"] = CardActions.Language, ["language"] = language.Other().Code() }));
}
