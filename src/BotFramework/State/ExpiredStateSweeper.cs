using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotFramework.State;

/// <summary>
/// Deletes the conversation state (of the allowed channels) that expired — <see cref="ConversationState.ExpireAfter"/>
/// without a write — once at a random moment of the first <c>Bot:ExpiredStateSweepInterval</c> after start (not before a
/// minute), then every interval: an expired
/// conversation is only overwritten when its next turn comes, and many never get one. A document is deleted
/// only if it is still the one read (its ETag), so a turn that just wrote it keeps it. Personal chats kept inside
/// users' documents (<see cref="ConversationState.KeepPersonalConversationsIn"/>) are emptied out of them the same
/// way, the profile kept. Needs a storage that can list its documents.
/// </summary>
public sealed class ExpiredStateSweeper(
    IStorage storage,
    ConversationState conversationState,
    IOptions<BotFrameworkOptions> auth,
    TimeSpan sweepInterval,
    ILogger<ExpiredStateSweeper> logger,
    TimeProvider? timeProvider = null) : BackgroundService
{
    private static readonly TimeSpan MinFirstSweepDelay = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>One pass now over the conversation state of every allowed channel: returns how many expired documents were deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        if (storage is not IListableStorage listable || conversationState.ExpireAfter is not { } expiry) return 0;
        var now = _time.GetUtcNow();
        var deleted = 0;
        foreach (var channel in auth.Value.EffectiveAllowedChannels)
        {
            await foreach (var listed in listable.ListAsync(ConversationState.KeyPrefix(channel), cancellationToken).ConfigureAwait(false))
            {
                if (now - listed.LastModified < expiry) continue;

                var found = await storage.ReadAsync([listed.Key], cancellationToken).ConfigureAwait(false);
                if (!found.TryGetValue(listed.Key, out var stored) || stored.ETag is null) continue;
                if (BotState.TouchedAtOf(stored.Document) is { } touched && now - touched < expiry) continue;
                if (await listable.DeleteIfUnchangedAsync(listed.Key, stored.ETag, cancellationToken).ConfigureAwait(false)) deleted++;
            }
        }
        if (conversationState.PersonalConversationsIn is not null)
        {
            foreach (var channel in auth.Value.EffectiveAllowedChannels) deleted += await SweepUserDocumentsAsync(listable, channel, expiry, now, cancellationToken).ConfigureAwait(false);
        }
        if (deleted > 0) logger.LogInformation("Deleted {Count} conversation states left untouched for {Expiry}", deleted, expiry);
        return deleted;
    }

    /// <summary>
    /// Personal chats kept inside users' documents (<see cref="ConversationState.KeepPersonalConversationsIn"/>): a user
    /// document is read, and one holding a part not written for <paramref name="expiry"/> (less
    /// <see cref="BotState.PartsDroppedEarlyBy"/>) is written back without it, conditional on the ETag read (a turn that
    /// wrote it since keeps it; the next pass looks again). Her profile stays. A document written less than
    /// <see cref="BotState.PartsDroppedEarlyBy"/> ago is not read: that write dropped every part that would expire
    /// before now (the state layer drops the parts a turn did not load that early), so it holds none to remove. With no
    /// margin set, every user document is read at every pass.
    /// </summary>
    private async Task<int> SweepUserDocumentsAsync(IListableStorage listable, string channel, TimeSpan expiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var emptied = 0;
        var margin = conversationState.PartsDroppedEarlyBy;
        await foreach (var listed in listable.ListAsync(UserState.KeyPrefix(channel), cancellationToken).ConfigureAwait(false))
        {
            if (margin > TimeSpan.Zero && now - listed.LastModified < margin) continue;
            var found = await storage.ReadAsync([listed.Key], cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(listed.Key, out var stored) || stored.ETag is null) continue;
            var removed = BotState.RemoveExpiredParts(stored.Document, expiry - margin, now);
            if (removed == 0) continue;
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoredDocument>(1, StringComparer.Ordinal) { [listed.Key] = stored }, cancellationToken).ConfigureAwait(false);
                emptied += removed;
            }
            catch (EtagConflictException)
            {
                // Written (or deleted) since it was read: that turn's version stands.
            }
        }
        return emptied;
    }

    /// <summary>
    /// When the first pass comes: at <paramref name="unit"/> (in [0, 1)) of the way from a minute after start to one
    /// <paramref name="interval"/> after it (a minute when the interval is a minute or less).
    /// </summary>
    internal static TimeSpan FirstPassDelay(TimeSpan interval, double unit)
    {
        if (interval <= MinFirstSweepDelay) return MinFirstSweepDelay;
        return MinFirstSweepDelay + (interval - MinFirstSweepDelay) * Math.Clamp(unit, 0, 1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage is not IListableStorage)
        {
            logger.LogWarning("The state storage cannot list its documents: expired conversation state is overwritten at its next turn but not swept");
            return;
        }
        // The first pass comes at a random moment of the first interval: instances started together (a deployment, a
        // scale-out) do not all list the storage at once, and the listing does not land on the turns of the first
        // minutes. Expired state waits at most one interval more, as it would for a pass that just missed it.
        var interval = sweepInterval;
        try
        {
            await Task.Delay(FirstPassDelay(interval, Random.Shared.NextDouble()), _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, _time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Sweeping expired conversation state failed with {ExceptionType}; trying again at the next interval", e.GetType().FullName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
