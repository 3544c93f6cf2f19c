using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
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

    /// <summary>The topic of the guideline and question samples: it has a situation with notes and three decision points.</summary>
    public const string SampleTopic = "unacceptable-content";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<Sample> All(PolicyCards cards)
    {
        var content = cards.Content;
        var topic = content.Topic(SampleTopic);
        var situation = content.Situation(topic.Situation);
        var outcome = situation.Questions.SelectMany(q => q.Options).Select(o => o.Outcome)
            .First(o => o is not null && o.Topic == topic.Id && o.En.Count > 0)!;
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
            samples.Add(new($"question.{code}", "question", cards.QuestionData(situation, situation.Question(situation.Start), language, topic.Id)));
            samples.Add(new($"guideline.{code}", "guideline",
                cards.GuidelineData(topic, language, outcome.Notes(language), choices, isManager: true, shared: false)));
            samples.Add(new($"topic-choices.{code}", "topic-choices", cards.TopicChoicesData(choiceTopics, language)));
            samples.Add(new($"info.{code}", "info", HelpData(cards, language)));
        }
        // The longest French title, as posted in a channel: the title must wrap, and the Update button shows.
        samples.Add(new("guideline.long-title.fr", "guideline",
            cards.GuidelineData(longestFrench, Language.Fr, [], OrganisationChoices.None, isManager: false, shared: true)));
        return samples;
    }

    /// <summary>The help card's data, as the bot builds it for the "help" command.</summary>
    private static JsonObject HelpData(PolicyCards cards, Language language) =>
        PolicyCards.InfoData(cards.Ui("help.title", language), [cards.Ui("help.body", language), cards.Ui("help.notCrisis", language)],
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
