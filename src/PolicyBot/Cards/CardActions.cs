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

    /// <summary>The <c>Action.Submit</c> fallback of "Update" on clients without Universal Actions.</summary>
    public const string Refresh = "refresh";

    /// <summary>The <c>Action.Execute</c> verb (button and card refresh) that asks for a guideline card's current version.</summary>
    public const string RefreshGuidelineVerb = "refreshGuideline";

    // The organisation's policy (managers) and the policy cards posted from it.
    public const string PolicyEdit = "policyEdit";
    public const string PolicySave = "policySave";
    public const string PolicyHistory = "policyHistory";

    /// <summary>Universal Actions verb of a policy card's <c>refresh</c>: answers with the current card for the viewer.</summary>
    public const string RefreshPolicyCard = "refreshPolicyCard";

    /// <summary>Universal Actions verb (and <c>Action.Submit</c> fallback action) of "I've read it" on a policy card.</summary>
    public const string AcknowledgePolicy = "acknowledgePolicy";

    // Onboarding: lesson, question and option ids travel with the button (see OnboardingCards).
    public const string OnboardingContinue = "onboarding.continue";
    public const string OnboardingQuestions = "onboarding.questions";
    public const string OnboardingReview = "onboarding.review";
    public const string OnboardingAnswer = "onboarding.answer";
    public const string OnboardingProgress = "onboarding.progress";
    public const string OnboardingRestart = "onboarding.restart";

    // Reminders (see Reminders/ReminderFeature).
    public const string RemindersStop = "reminders.stop";
}
