using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Knowledge;
using PolicyBot.Reach;

namespace PolicyBot.Reminders;

/// <summary>
/// One reminder pass (<see cref="ReminderTimer"/> runs it every few minutes): in working time, it takes
/// the run lease (one pass at a time across every instance sharing the storage), looks through the reach records
/// for people due a reminder (<see cref="ReminderSchedule"/>), and for each one first claims the reminder with a
/// conditional write of her record — counted and dated — then sends it in her personal chat through the bot's
/// adapter. A pass that overlaps another (a lease lost mid-run) loses the claim and sends nothing: never the same
/// reminder twice. A send that fails after the Connector's retries is not tried again (at most once); Teams' 403 marks
/// her unreachable. Nothing is logged about who: counts only.
/// </summary>
public sealed class ReminderService(
    ReachStore store,
    IStorage storage,
    IRunLease lease,
    ReminderFeature feature,
    BotAdapter adapter,
    TrustedServiceUrls trusted,
    IOptions<ReachOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger)
{
    /// <summary>The name of the lease a pass holds.</summary>
    public const string LeaseName = "policybot-reminders";

    private readonly ReminderSchedule _schedule = new ReminderSchedule(options.Value);


    /// <summary>False when <see cref="ReachOptions.MaxReminders"/> is 0: no pass does anything, and the timer does not run.</summary>
    public bool Enabled { get; } = options.Value.MaxReminders > 0;

    /// <summary>What one pass did. <see cref="Ran"/> is false outside working time or when another instance holds the lease.</summary>
    public sealed record Pass(bool Ran, int Sent, int Unreachable, int Failed);

    /// <summary>One pass, now.</summary>
    public async Task<Pass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled || !_schedule.IsWorkingTime(time.GetUtcNow())) return new Pass(false, 0, 0, 0);
        if (storage is not IListableStorage listable)
        {
            logger.LogWarning("Reminders need a storage that can list its documents (file or Azure Blob); none are sent");
            return new Pass(false, 0, 0, 0);
        }
        var held = await lease.TryAcquireAsync(LeaseName, cancellationToken).ConfigureAwait(false);
        if (held is null) return new Pass(false, 0, 0, 0);
        await using (held.ConfigureAwait(false))
        {
            int sent = 0, unreachable = 0, failed = 0;
            var userIds = new List<string>();
            await foreach (var listed in listable.ListAsync(ReachStore.KeyPrefix, cancellationToken).ConfigureAwait(false))
            {
                userIds.Add(listed.Key[ReachStore.KeyPrefix.Length..]);
            }
            foreach (var userId in userIds)
            {
                switch (await RemindAsync(userId, cancellationToken).ConfigureAwait(false))
                {
                    case Outcome.Sent: sent++; break;
                    case Outcome.Unreachable: unreachable++; break;
                    case Outcome.Failed: failed++; break;
                }
            }
            if (sent + unreachable + failed > 0)
            {
                logger.LogInformation("Onboarding reminders: {Sent} sent, {Unreachable} refused by Teams, {Failed} failed", sent, unreachable, failed);
            }
            return new Pass(true, sent, unreachable, failed);
        }
    }

    private enum Outcome { NotDue, Sent, Unreachable, Failed }

    private async Task<Outcome> RemindAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        ReachRecord? claimed = null;
        // The claim: counted and dated before the send, conditionally on the record as read. A second pass that read
        // the same record loses the write, reads it again, and finds her no longer due.
        await store.UpdateAsync(userId, record =>
        {
            claimed = null; // an attempt that lost its write to another pass claimed nothing
            if (!_schedule.IsDue(record, now)) return false;
            record.RemindersSent++;
            record.LastReminderAt = now;
            claimed = record;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (claimed?.Chat is not { } chat) return Outcome.NotDue; // not due, or another pass claimed it first

        if (!trusted.IsTrusted(chat.ServiceUrl))
        {
            logger.LogWarning("A stored personal chat's serviceUrl is not a trusted Teams host (see Bot:AllowedServiceHosts); no reminder sent there");
            return Outcome.Failed;
        }
        var reference = new ConversationReference
        {
            ChannelId = Channels.MsTeams,
            ServiceUrl = chat.ServiceUrl,
            Conversation = new ConversationAccount(chat.ConversationId, "personal", isGroup: false, tenantId: chat.TenantId),
            Bot = new ChannelAccount(chat.BotId!),
        };
        var message = Activity.CreateMessage();
        message.Attachments = [feature.ReminderCard(Languages.Parse(claimed.Locale ?? "en"))];
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync(message, ct), cancellationToken).ConfigureAwait(false);
            return Outcome.Sent;
        }
        catch (ConnectorException e) when (e.IsRecipientUnreachable)
        {
            await store.UpdateAsync(userId, record =>
            {
                record.Unreachable = true;
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return Outcome.Unreachable;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            logger.LogWarning("An onboarding reminder could not be delivered: {ExceptionType}", e.GetType().Name);
            return Outcome.Failed;
        }
    }
}
