namespace PolicyBot.Cards;

/// <summary>
/// The <c>action</c> values card buttons carry in their <c>data</c>, shared by the card builders and the
/// code that handles the clicks. Prompt answers carry <c>choice</c> instead.
/// </summary>
public static class CardActions
{
    public const string Menu = "menu";
    public const string Situation = "situation";
    public const string Topic = "topic";
    public const string Feedback = "feedback";
    public const string Post = "post";
    public const string Language = "language";
    public const string Cancel = "cancel";
    public const string Help = "help";
    public const string Privacy = "privacy";
    public const string Onboarding = "onboarding";

    // Onboarding: lesson, question and option ids travel with the button (see OnboardingCards).
    public const string OnboardingContinue = "onboarding.continue";
    public const string OnboardingQuestions = "onboarding.questions";
    public const string OnboardingReview = "onboarding.review";
    public const string OnboardingAnswer = "onboarding.answer";
    public const string OnboardingProgress = "onboarding.progress";
    public const string OnboardingRestart = "onboarding.restart";
}
