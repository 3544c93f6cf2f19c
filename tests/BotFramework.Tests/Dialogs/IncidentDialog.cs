using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Dialogs.Prompts;
using BotFramework.Schema;

namespace BotFramework.Tests.Dialogs;

/// <summary>
/// A component as the bot writes them: a main waterfall that asks a title, then runs a nested
/// "details" waterfall (severity choice, manager confirm), then summarises. "cancel"/"annuler"
/// and "help"/"aide" are handled in one place, before the inner dialogs see the turn
/// (<see cref="OnContinueDialogAsync"/>).
/// </summary>
internal sealed class IncidentDialog : ComponentDialog
{
    public const string AskTitle = "Quel est le titre de l'incident ?";
    public const string AskSeverity = "Quelle est la gravité ?\n\n1. Élevé\n2. Moyen\n3. Faible";
    public const string AskNotify = "Prévenir votre responsable ?";
    public const string Help = "Je note un incident : titre, gravité, puis si je préviens votre responsable. Tapez « annuler » pour arrêter.";
    public const string Cancelled = "D'accord, j'annule.";

    public IncidentDialog(string id = "incident") : base(id)
    {
        AddDialog(new WaterfallDialog("main", [AskTitleAsync, AskDetailsAsync, SummariseAsync]));
        AddDialog(new WaterfallDialog("details", [AskSeverityAsync, AskNotifyAsync, EndDetailsAsync]));
        AddDialog(new TestTextPrompt("title"));
        AddDialog(new TestChoicePrompt("severity", [new("high", "Élevé", "urgent"), new("medium", "Moyen"), new("low", "Faible")]));
        AddDialog(new ConfirmPrompt("notify"));
        InitialDialogId = "main";
    }

    public sealed record Details(string Severity, bool Notify);

    public sealed record Incident(string Title, string Severity, bool Notify);

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
        {
            case "cancel" or "annuler":
                await innerDc.Context.SendActivityAsync(Cancelled, cancellationToken);
                return await innerDc.CancelAllDialogsAsync(cancellationToken);
            case "help" or "aide":
                await innerDc.Context.SendActivityAsync(Help, cancellationToken);
                await innerDc.RepromptDialogAsync(cancellationToken);
                return EndOfTurn;
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    private static Task<DialogTurnResult> AskTitleAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("title", new PromptOptions { Prompt = Activity.CreateMessage(AskTitle) }, ct);

    private static Task<DialogTurnResult> AskDetailsAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["title"] = (string)step.Result!;
        return step.BeginDialogAsync("details", null, ct);
    }

    private static async Task<DialogTurnResult> SummariseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var details = (Details)step.Result!;
        var incident = new Incident((string)step.Values["title"]!, details.Severity, details.Notify);
        await step.Context.SendActivityAsync($"Noté : « {incident.Title} », gravité {incident.Severity}, responsable {(incident.Notify ? "prévenu" : "non prévenu")}.", ct);
        return await step.EndDialogAsync(incident, ct);
    }

    private static Task<DialogTurnResult> AskSeverityAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync("severity", new PromptOptions { Prompt = Activity.CreateMessage("Quelle est la gravité ?") }, ct);

    private static Task<DialogTurnResult> AskNotifyAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["severity"] = ((FoundChoice)step.Result!).Value;
        return step.PromptAsync("notify", new PromptOptions { Prompt = Activity.CreateMessage(AskNotify) }, ct);
    }

    private static Task<DialogTurnResult> EndDetailsAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.EndDialogAsync(new Details((string)step.Values["severity"]!, (bool)step.Result!), ct);
}
