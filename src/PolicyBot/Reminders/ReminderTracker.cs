using BotFramework.Builder;
using BotFramework.Schema;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Reach;

namespace PolicyBot.Reminders;

/// <summary>
/// Keeps, in her <see cref="ReachRecord"/>, what reminders need from onboarding: when she last touched it, whether
/// she finished, the language she uses, and the ids of her personal chat with the bot. Written only when one of
/// them changes, or when the last date is an hour old, so a lesson's many clicks cost one read each.
/// </summary>
public sealed class ReminderTracker(ReachStore store, TimeProvider time) : IOnboardingListener
{
    private static readonly TimeSpan Resolution = TimeSpan.FromHours(1);

    public async Task OnboardingTouchedAsync(ITurnContext turn, OnboardingProgress progress, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (ConversationScope.IsShared(activity) || activity.From?.Id is not { Length: > 0 } userId) return;
        if (activity.Conversation?.Id is not { Length: > 0 } chatId || string.IsNullOrEmpty(activity.ServiceUrl)) return;
        var chat = new PersonalChatReference(activity.ServiceUrl, chatId, activity.GetTenantId(), activity.Recipient?.Id);
        var locale = TurnInfo.Of(turn).Language.Code();
        var finished = progress.IsFinished();
        var now = time.GetUtcNow();
        await store.UpdateAsync(userId, record =>
        {
            var stale = record.OnboardingTouchedAt is not { } touched || now - touched >= Resolution;
            if (!stale && record.OnboardingFinished == finished && record.Locale == locale && record.Chat == chat && !record.Unreachable) return false;
            record.OnboardingTouchedAt = now;
            record.OnboardingFinished = finished;
            record.Locale = locale;
            record.Chat = chat;
            record.Unreachable = false; // she is writing to the bot: Teams lets it reach her again
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }
}
