using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;

namespace PolicyBot.Reach;

/// <summary>
/// Reaching new hires where they are: a personal welcome when someone joins a team where the app is installed
/// (once per person, <see cref="ReachOptions.WelcomeNewTeamMembers"/> turns it off), and a manager's
/// <c>@PolicyBot onboarding @Name @Name</c> in a channel, which invites each mentioned person in a personal chat
/// and says in the thread who was invited — names only from the mentions, never stored or logged.
/// </summary>
public sealed class ReachFeature(
    ReachStore store,
    PersonalMessenger messenger,
    GuidelineCards cards,
    RouteConditions conditions,
    IOptions<ReachOptions> options,
    TimeProvider time,
    ILogger<ReachFeature> logger) : IFeature
{
    private static readonly string[] InviteWords = ["onboarding", "formation"];

    public void MapRoutes(RouteTable routes) => routes
        .OnText(IsInvitation, InviteAsync, conditions.ManagersOnly("reach.invite.managersOnly"));

    /// <summary>A team's <c>conversationUpdate</c> with people added (not the bot): each gets a personal welcome, once.</summary>
    public async Task WelcomeNewMembersAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!options.Value.WelcomeNewTeamMembers || activity.MembersAdded is not { Count: > 0 } added) return;
        var channelData = activity.GetTeamsChannelData();
        if (channelData?.Team?.Id is null || !string.Equals(channelData.EventType, "teamMemberAdded", StringComparison.Ordinal)) return;

        var language = TurnInfo.Of(turn).Language;
        foreach (var member in added.Where(m => !string.IsNullOrEmpty(m.Id) && m.Id != activity.Recipient?.Id))
        {
            // A turn that runs again after an ETag race must not welcome her a second time; nor may another instance.
            await TurnEffects.Of(turn).OnceAsync($"reach.welcome.{member.Id}", async () =>
            {
                var now = time.GetUtcNow();
                var claimed = await store.UpdateAsync(member.Id!, record =>
                {
                    if (record.WelcomedAt is not null) return false;
                    record.WelcomedAt = now;
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                if (!claimed) return;
                await DeliverAsync(turn, member.Id!, WelcomeCard(language), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
    }

    /// <summary>The welcome a new team member gets in her personal chat: who the bot is, the privacy line, and "Start onboarding".</summary>
    public Attachment WelcomeCard(Language language) => cards.Info(
        cards.Ui("reach.welcome.title", language),
        [cards.Ui("reach.welcome.body", language), cards.Ui("welcome.privacy", language), cards.Ui("reach.welcome.once", language)],
        (cards.Ui("reach.startOnboarding", language), new JsonObject { ["action"] = CardActions.Onboarding }),
        (cards.Ui("reach.otherLanguage", language), new JsonObject { ["action"] = CardActions.Language, ["language"] = language.Other().Code() }));

    /// <summary>The invitation a manager sends: an invitation to onboarding, with "Start onboarding".</summary>
    public Attachment InvitationCard(Language language) => cards.Info(
        cards.Ui("reach.invite.title", language),
        [cards.Ui("reach.invite.body", language), cards.Ui("welcome.privacy", language)],
        (cards.Ui("reach.startOnboarding", language), new JsonObject { ["action"] = CardActions.Onboarding }),
        (cards.Ui("reach.otherLanguage", language), new JsonObject { ["action"] = CardActions.Language, ["language"] = language.Other().Code() }));

    /// <summary><c>onboarding</c> / <c>formation</c> followed by mentions of people, in a channel or group chat.</summary>
    private static bool IsInvitation(ITurnContext turn)
    {
        var activity = turn.Activity;
        if (!ConversationScope.IsShared(activity) || string.IsNullOrWhiteSpace(activity.Text)) return false;
        var first = activity.Text.TrimStart().Split([' ', '\t', '\n', '\r'], 2)[0];
        return InviteWords.Contains(CommandText.Normalize(first), StringComparer.Ordinal) && Invitees(activity).Count > 0;
    }

    /// <summary>The people mentioned, the bot excepted, each once, in the order of the message.</summary>
    private static List<ChannelAccount> Invitees(Activity activity) =>
        (activity.Entities ?? [])
            .Where(e => e.IsMention && e.Mentioned is { Id.Length: > 0 } who && who.Id != activity.Recipient?.Id)
            .Select(e => e.Mentioned!)
            .DistinctBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

    private async Task<bool> InviteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var language = TurnInfo.Of(turn).Language;
        var invitees = Invitees(turn.Activity);
        if (invitees.Count > options.Value.MaxInvitationsPerMessage)
        {
            await turn.SendActivityAsync(cards.Ui("reach.invite.tooMany", language, options.Value.MaxInvitationsPerMessage), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var invited = new List<string>();
        var unreachable = new List<string>();
        var failed = new List<string>();
        foreach (var person in invitees)
        {
            var delivered = await TurnEffects.Of(turn).OnceAsync($"reach.invite.{person.Id}", async () =>
            {
                var now = time.GetUtcNow();
                await store.UpdateAsync(person.Id!, record =>
                {
                    record.InvitedAt = now;
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                return await DeliverAsync(turn, person.Id!, InvitationCard(language), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            (delivered switch { Delivery.Sent => invited, Delivery.Unreachable => unreachable, _ => failed }).Add(DisplayName(person, language));
        }
        logger.LogInformation("A manager sent onboarding invitations: {Invited} sent, {Unreachable} refused by Teams, {Failed} failed", invited.Count, unreachable.Count, failed.Count);

        const string separator = ", ";
        if (invited.Count > 0) await turn.SendActivityAsync(cards.Ui("reach.invite.sent", language, string.Join(separator, invited)), cancellationToken).ConfigureAwait(false);
        if (unreachable.Count > 0) await turn.SendActivityAsync(cards.Ui("reach.invite.unreachable", language, string.Join(separator, unreachable)), cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0) await turn.SendActivityAsync(cards.Ui("reach.invite.failed", language, string.Join(separator, failed)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Sends the card and records the chat (or that Teams refused); true when it was delivered. A failure after the
    /// Connector's retries is logged (its kind only) and counts as not delivered: the turn itself goes on, and the
    /// welcome is not sent again later (at most once, never twice).
    /// </summary>
    private async Task<Delivery> DeliverAsync(ITurnContext turn, string userId, Attachment card, CancellationToken cancellationToken)
    {
        PersonalMessenger.Outcome outcome;
        PersonalChatReference? chat;
        try
        {
            (outcome, chat) = await messenger.SendAsync(turn, userId, card, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BotFramework.Connector.ConnectorException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning("A personal message could not be delivered: {ExceptionType}", e.GetType().Name);
            return Delivery.Failed;
        }
        await store.UpdateAsync(userId, record =>
        {
            record.Unreachable = outcome == PersonalMessenger.Outcome.Unreachable;
            if (chat is not null) record.Chat = chat;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return outcome == PersonalMessenger.Outcome.Sent ? Delivery.Sent : Delivery.Unreachable;
    }

    private enum Delivery { Sent, Unreachable, Failed }

    /// <summary>The mention's display name as Teams wrote it; a mention without one is "someone" rather than an id.</summary>
    private string DisplayName(ChannelAccount person, Language language) =>
        string.IsNullOrWhiteSpace(person.Name) ? cards.Ui("reach.invite.someone", language) : person.Name.Trim();
}
