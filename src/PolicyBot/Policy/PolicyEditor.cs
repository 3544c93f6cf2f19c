using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Dialogs;
using Microsoft.Extensions.Logging;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// Managers set the organisation's choices: the editor (personal chat), its saves as new versions, and the
/// history. Every route is for managers only, as Teams confirms them.
/// </summary>
public sealed class PolicyEditor(
    PolicyStore store,
    OrganisationPolicyCards cards,
    PostedCardUpdater updater,
    SenderIdentity sender,
    RouteConditions conditions,
    ILogger<PolicyEditor> logger) : IFeature
{
    private ContentLibrary Content => cards.Content;

    public void MapRoutes(RouteTable routes)
    {
        var managers = conditions.ManagersOnly("policy.refused");
        var personal = conditions.PersonalChatOnly("policy.channel.useChat");
        routes
            .OnCommand(["my policy", "policy", "our policy", "organisation policy", "organization policy", "set policy",
                "ma politique", "politique", "notre politique", "politique de l'organisation", "choix de l'organisation"], ShowEditorAsync, managers, personal)
            .OnAction(CardActions.PolicyEdit, ShowEditorAsync, managers, personal)
            .OnCommand(["policy history", "history", "historique", "historique de la politique"], ShowHistoryAsync, managers)
            .OnAction(CardActions.PolicyHistory, ShowHistoryAsync, managers)
            .OnAction(CardActions.PolicySave, SaveAsync, managers);
    }

    private async Task<bool> ShowEditorAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var policy = await store.ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
        await dc.Context.SendCardAsync(cards.Editor(policy, TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> ShowHistoryAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var versions = await store.HistoryAsync(store.HistoryLength, cancellationToken).ConfigureAwait(false);
        await dc.Context.SendCardAsync(cards.History(versions, TurnInfo.Of(dc.Context).Language), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> SaveAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var data = turn.Activity.Value!.Value;
        var info = TurnInfo.Of(turn);
        var wanted = WantedChanges(data);
        if (EmergencyChanges(data, wanted, info.Language) is { } refusal)
        {
            // A value the card cannot show safely: nothing is saved, and the editor comes back with what she had on it.
            await turn.SendActivityAsync(refusal, cancellationToken).ConfigureAwait(false);
            var policy = await store.ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(cards.Editor(policy, info.Language, data), cancellationToken).ConfigureAwait(false);
            return true;
        }
        // The author as Teams confirmed her (the route's manager check asked).
        var author = (await sender.ConfirmAsync(turn, cancellationToken).ConfigureAwait(false))!;
        var commit = wanted.Count == 0
            ? new PolicyCommit(null, await store.ReadCurrentAsync(cancellationToken).ConfigureAwait(false))
            // Once per activity: a turn that runs again must report the version it created, not "nothing changed".
            : await TurnEffects.Of(turn).OnceAsync("policy/save",
                () => store.ChangeAsync(new PolicyAuthor(author.Name ?? "", author.AadObjectId!), wanted, cancellationToken)).ConfigureAwait(false);
        TurnInfo.UseChoices(turn, commit.Current.ToChoices());
        if (commit.Created is not { } created)
        {
            await turn.SendActivityAsync(Content.Ui("policy.saved.nothing", info.Language, commit.Current.Version), cancellationToken).ConfigureAwait(false);
            return true;
        }
        var basedOn = CardData.Int(data, "baseVersion");
        await turn.SendCardAsync(cards.Saved(created, mergedWithAnother: created.Version > basedOn + 1, info.Language), cancellationToken).ConfigureAwait(false);
        updater.RequestUpdate();
        return true;
    }

    /// <summary>
    /// The decision points the manager changed on the editor, compared with what the editor showed
    /// (<c>base</c>): only those are applied, so another manager's concurrent changes stay. Unknown
    /// points and options are ignored.
    /// </summary>
    private Dictionary<string, string?> WantedChanges(JsonElement data)
    {
        var shown = Shown(data);
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var point in Content.Topics.SelectMany(t => t.DecisionPoints))
        {
            var chosen = CardData.String(data, OrganisationPolicyCards.InputPrefix + point.Id);
            if (chosen is null || (chosen != OrganisationPolicyCards.NotDecided && chosen.Length > 0 && !point.Options.Contains(chosen))) continue;
            var option = chosen is OrganisationPolicyCards.NotDecided or "" ? null : chosen;
            if (shown.ValueKind == JsonValueKind.Object && CardData.String(shown, point.Id) is { } before)
            {
                if ((before == OrganisationPolicyCards.NotDecided ? null : before) == option) continue;
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
        var shown = Shown(data);
        foreach (var id in EmergencyInstructions.Ids)
        {
            var typed = CardData.String(data, OrganisationPolicyCards.InputPrefix + id);
            if (typed is null) continue;
            if (!EmergencyInstructions.TryNormalize(id, typed, out var value))
            {
                logger.LogInformation("A manager's emergency instruction ({Field}) was refused", id);
                var key = id == EmergencyInstructions.PhoneId ? "scope.emergency.invalidPhone" : "scope.emergency.invalidProcedure";
                return Content.Ui(key, language, EmergencyInstructions.MaxLength(id));
            }
            if (shown.ValueKind == JsonValueKind.Object && EmergencyInstructions.TryNormalize(id, CardData.String(shown, id), out var before) && before == value) continue;
            wanted[id] = value;
        }
        return null;
    }

    /// <summary>What the editor showed when it was sent (<c>base</c>), to compare her changes with.</summary>
    private static JsonElement Shown(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
}
