using BotFramework.Builder;

namespace PolicyBot.Onboarding;

/// <summary>
/// Told after each onboarding step of a turn (a lesson shown, an answer given), with her progress as it now is:
/// what follows onboarding from outside it (reminders) learns when she last touched it, without onboarding
/// knowing about it.
/// </summary>
public interface IOnboardingListener
{
    Task OnboardingTouchedAsync(ITurnContext turn, OnboardingProgress progress, CancellationToken cancellationToken);
}
