using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Reach;

namespace PolicyBot.Reminders;

/// <summary>
/// Wakes every <see cref="ReachOptions.ReminderCheckMinutes"/> on every instance and runs a <see cref="ReminderService"/>
/// pass; the pass's lease lets one instance at a time do the work. A failed pass is logged (its kind) and the next
/// wake tries again.
/// </summary>
public sealed class ReminderTimer(ReminderService reminders, IOptions<ReachOptions> options, TimeProvider time, ILogger<ReminderTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!reminders.Enabled) return;
        var interval = TimeSpan.FromMinutes(options.Value.ReminderCheckMinutes);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await reminders.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError("A reminder pass failed with {ExceptionType}; the next one runs in {Minutes} minutes", e.GetType().FullName, interval.TotalMinutes);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
