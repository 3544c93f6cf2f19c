using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Policy;
using PolicyBot.Tests.Deployment;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// The sample data of <c>cards/samples/</c>, built from the real content by the same code the bot uses,
/// so the previews and the parity tests always show what the bot sends. One sample per template and
/// language, plus variants: <c>&lt;template&gt;[.&lt;variant&gt;].&lt;fr|en&gt;.json</c>.
/// </summary>
internal static class CardSamples
{
    public sealed record Sample(string Name, string Template, JsonObject Data)
    {
        public string FileName => $"{Name}.json";
    }

    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "cards", "samples");

    /// <summary>The topic of the guideline and question samples: it has a situation with notes, two decision points and the emergency notice.</summary>
    public const string SampleTopic = "unacceptable-content";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<Sample> All(GuidelineCards cards)
    {
        var content = cards.Content;
        var topic = content.Topic(SampleTopic);
        var situation = content.Situation(topic.Situation);
        var ending = situation.Questions.SelectMany(q => q.Options).First(o => o.Outcome is { } end && end.Topic == topic.Id && end.En.Count > 0);
        var answered = new GuidelineCase(PathTo(situation, ending), ending.Outcome);
        // The example: she answers that comments are open and we reply with facts; the card doesn't ask her to check that stance.
        var hostile = content.Situation("hostile-comment");
        var stance = hostile.Question("our-stance").Options.First(o => o.Outcome?.SkipDoNow.Count > 0);
        var stanceAnswered = new GuidelineCase(PathTo(hostile, stance), stance.Outcome);
        var firstPoint = topic.DecisionPoints[0];
        var choices = new OrganisationChoices(new Dictionary<string, string> { [firstPoint.Id] = firstPoint.Options[0] }, 1);
        var longestFrench = content.Topics.MaxBy(t => t.Fr.Title.Length)!;
        string[] choiceTopics = [SampleTopic, "divergent-opinions", longestFrench.Id];

        var samples = new List<Sample>();
        foreach (var language in new[] { Language.En, Language.Fr })
        {
            var code = language.Code();
            samples.Add(new($"welcome.{code}", "welcome", cards.WelcomeData(language)));
            samples.Add(new($"menu.{code}", "menu", cards.MenuData(language)));
            samples.Add(new($"question.{code}", "question", cards.QuestionData(situation, situation.Question(situation.Start), language, topic.Id, [])));
            samples.Add(new($"guideline.{code}", "guideline", cards.GuidelineData(topic, language, answered, choices, isManager: true, shared: false)));
            samples.Add(new($"guideline.stance-answered.{code}", "guideline",
                cards.GuidelineData(content.Topic(stance.Outcome!.Topic), language, stanceAnswered, OrganisationChoices.None, isManager: false, shared: false)));
            samples.Add(new($"topic-choices.{code}", "topic-choices", cards.TopicChoicesData(choiceTopics, language)));
            samples.Add(new($"info.{code}", "info", HelpData(cards, language)));
        }
        // The longest French title, as posted in a channel: the title must wrap, and the Update button shows.
        samples.Add(new("guideline.long-title.fr", "guideline",
            cards.GuidelineData(longestFrench, Language.Fr, GuidelineCase.None, OrganisationChoices.None, isManager: false, shared: true)));
        samples.AddRange(OnboardingSamples(cards));
        samples.AddRange(PolicySamples(cards.Content));
        samples.AddRange(SafetySamples(cards.Content));
        return samples;
    }

    /// <summary>The safety card as it is before a manager sets anything, and with a shelter's own (invented) number and procedure.</summary>
    private static IEnumerable<Sample> SafetySamples(ContentLibrary content)
    {
        var safety = new SafetyCard(content);
        foreach (var language in new[] { Language.En, Language.Fr })
        {
            var code = language.Code();
            yield return new($"safety.{code}", "safety", safety.Data(language, EmergencyInstructions.None));
            var procedure = language == Language.Fr ? "Protocole Porte verte" : "Green Door protocol";
            yield return new($"safety.shelter.{code}", "safety", safety.Data(language, new EmergencyInstructions("514 555-0142 poste 2", procedure)));
            // How a situation that ends on a threat in a comment shows it: the same card, led by why.
            yield return new($"safety.threat.{code}", "safety", safety.Data(language, EmergencyInstructions.None,
                content.Ui("situation.safety.title", language), content.Ui("situation.safety.notTheGuide", language)));
        }
    }

    /// <summary>The answers, from the situation's first question, of the first path that ends with <paramref name="last"/>.</summary>
    private static List<SituationOption> PathTo(Situation situation, SituationOption last)
    {
        List<SituationOption>? Walk(SituationQuestion question, List<SituationOption> before)
        {
            foreach (var option in question.Options)
            {
                List<SituationOption> path = [.. before, option];
                if (option == last) return path;
                if (option.Next is { } next && Walk(situation.Question(next), path) is { } found) return found;
            }
            return null;
        }
        return Walk(situation.Question(situation.Start), []) ?? throw new InvalidOperationException($"No path of {situation.Id} ends with {last.Id}.");
    }

    /// <summary>The first day of the invented onboarding the samples show; every date is fixed so the samples never change by themselves.</summary>
    private static readonly DateTimeOffset Day1 = new(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// The onboarding cards, from the real lessons and the real progress logic: the first lesson and its
    /// first question; a wrong answer to that question, then the right answer that completes the lesson;
    /// progress in the middle of lesson 3; the completion card; a manager's report on two invented staff.
    /// </summary>
    private static IEnumerable<Sample> OnboardingSamples(GuidelineCards cards)
    {
        var lessons = OnboardingLessons.LoadShipped(cards.Content);
        var onboarding = new OnboardingCards(cards, lessons);
        var first = lessons.First;

        // She misses the first question once, then answers every question right: the last answer completes the lesson.
        var walk = new OnboardingProgress();
        walk.Start(lessons);
        walk.BeginQuestions(first);
        var missed = first.Questions[0];
        var wrongOption = missed.Options.First(o => !missed.IsRight(o));
        var wrong = walk.Answer(lessons, first, missed, wrongOption, Day1, policyVersion: 0);
        foreach (var question in first.Questions.SkipLast(1))
        {
            walk.Answer(lessons, first, question, question.FindOption(question.Answer)!, Day1, policyVersion: 0);
        }
        var last = first.Questions[^1];
        var rightOption = last.FindOption(last.Answer)!;
        var right = walk.Answer(lessons, first, last, rightOption, Day1, policyVersion: 0);

        // Two lessons done, the third at its second question.
        var midway = new OnboardingProgress();
        midway.Start(lessons);
        CompleteLesson(midway, lessons, lessons.All[0], Day1, missFirst: true);
        CompleteLesson(midway, lessons, lessons.All[1], Day1.AddDays(1), missFirst: false);
        var third = lessons.All[2];
        midway.BeginQuestions(third);
        midway.Answer(lessons, third, third.Questions[0], third.Questions[0].FindOption(third.Questions[0].Answer)!, Day1.AddDays(2), policyVersion: 0);

        // Every lesson done over eight days, under version 2 of the organisation's policy.
        var finished = new OnboardingProgress();
        finished.Start(lessons);
        foreach (var lesson in lessons.All)
        {
            CompleteLesson(finished, lessons, lesson, Day1.AddDays(lesson.Order - 1), missFirst: lesson.Order % 3 == 0, policyVersion: 2);
        }

        IReadOnlyList<RosterEntry> roster =
        [
            new("Test Worker B", 2, null),
            new("Test Worker A", lessons.Count, Day1.AddDays(lessons.Count - 1)),
        ];

        foreach (var language in new[] { Language.En, Language.Fr })
        {
            var code = language.Code();
            yield return new($"lesson.{code}", "lesson", onboarding.LessonData(first, language));
            yield return new($"lesson-question.{code}", "lesson-question", onboarding.QuestionData(first, first.Questions[0], language));
            yield return new($"answer-feedback.wrong.{code}", "answer-feedback", onboarding.FeedbackData(first, missed, wrongOption, wrong, walk, language));
            yield return new($"answer-feedback.right.{code}", "answer-feedback", onboarding.FeedbackData(first, last, rightOption, right, walk, language));
            yield return new($"onboarding-progress.{code}", "onboarding-progress", onboarding.ProgressData(midway, language));
            yield return new($"onboarding-complete.{code}", "onboarding-complete", onboarding.CompleteData(finished, language));
            yield return new($"onboarding-report.{code}", "onboarding-report", onboarding.ReportData(roster, language));
        }
    }

    /// <summary>Answers every question of the lesson she is at, right (after one wrong answer to the first when <paramref name="missFirst"/>).</summary>
    private static void CompleteLesson(OnboardingProgress progress, OnboardingLessons lessons, Lesson lesson, DateTimeOffset at, bool missFirst, int policyVersion = 0)
    {
        progress.BeginQuestions(lesson);
        foreach (var question in lesson.Questions)
        {
            if (missFirst && question == lesson.Questions[0])
            {
                progress.Answer(lessons, lesson, question, question.Options.First(o => !question.IsRight(o)), at, policyVersion);
            }
            progress.Answer(lessons, lesson, question, question.FindOption(question.Answer)!, at, policyVersion);
        }
    }

    /// <summary>
    /// The policy cards: two versions saved by invented managers, so the sample topic has one decision
    /// changed, one decided and one still open; its card as posted and as refreshed for a reader who
    /// confirmed it; the editor; the history; the answer to a save.
    /// </summary>
    private static IEnumerable<Sample> PolicySamples(ContentLibrary content)
    {
        var builder = new OrganisationPolicyCards(content);
        var topic = content.Topic(SampleTopic);
        var (scope, inform) = (topic.DecisionPoints[0], topic.DecisionPoints[1]);
        var voice = content.Topic("what-to-post").DecisionPoints[0];
        var first = PolicyVersion.Initial.Apply(
            new Dictionary<string, string?> { [scope.Id] = scope.Options[0], [voice.Id] = voice.Options[0] },
            new PolicyAuthor("Test Manager A", "00000000-0000-0000-0000-0000000000e1"), Day1.AddDays(-20))!;
        var second = first.Apply(
            new Dictionary<string, string?> { [scope.Id] = scope.Options[1], [inform.Id] = inform.Options[0] },
            new PolicyAuthor("Test Manager B", "00000000-0000-0000-0000-0000000000e2"), Day1.AddDays(-6))!;
        var reader = new OrganisationPolicyCards.Viewer(Acknowledged: true, AcknowledgedCount: 4);

        foreach (var language in new[] { Language.En, Language.Fr })
        {
            var code = language.Code();
            yield return new($"policy-card.{code}", "policy-card", builder.PolicyCardData(topic, language, second, viewer: null));
            yield return new($"policy-card.acknowledged.{code}", "policy-card", builder.PolicyCardData(topic, language, second, reader));
            yield return new($"policy-editor.{code}", "policy-editor", builder.EditorData(second, language));
            yield return new($"policy-history.{code}", "policy-history", builder.HistoryData([second, first], language));
            yield return new($"policy-history.saved.{code}", "policy-history", builder.SavedData(second, mergedWithAnother: false, language));
        }
    }

    /// <summary>The help card's data, as the bot builds it for the "help" command.</summary>
    private static JsonObject HelpData(GuidelineCards cards, Language language) =>
        GuidelineCards.InfoData(cards.Ui("help.title", language), [cards.Ui("help.body", language), cards.Ui("help.notCrisis", language)],
        [
            (cards.Ui("action.menu", language), new JsonObject { ["action"] = CardActions.Menu }),
            (cards.Ui("action.privacy", language), new JsonObject { ["action"] = CardActions.Privacy }),
            (cards.Ui(language == Language.Fr ? "action.english" : "action.french", language),
                new JsonObject { ["action"] = CardActions.Language, ["language"] = language.Other().Code() }),
        ]);

    /// <summary>How a sample is written to disk: indented, UTF-8 without escapes, LF, final newline.</summary>
    public static string Serialize(JsonObject data) => data.ToJsonString(Pretty).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public static JsonObject Read(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, $"{name}.json")))!.AsObject();

    public static JsonNode Template(string name) => CardTemplates.Get(name);
}
