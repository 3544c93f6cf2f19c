using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Knowledge;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Cards;

/// <summary>
/// Builds every card the bot sends: the words come from the content library, the layout from the
/// templates in <c>cards/</c>. Nothing a user typed is ever bound into a card. Each card's data is
/// built by its own <c>…Data</c> method, so tests can check it and expand it with other templaters.
/// </summary>
public sealed class GuidelineCards(ContentLibrary content)
{
    public ContentLibrary Content { get; } = content;

    public Attachment Welcome(Language first) => Card("welcome", WelcomeData(first));

    public Attachment Menu(Language language) => Card("menu", MenuData(language));

    /// <summary>
    /// One question of a situation, its answers as buttons; <paramref name="topic"/> is the topic it was
    /// started for, if any; <paramref name="answered"/> the answers given before it ("question=option"),
    /// which each button carries on, so the guideline can show them whichever card she clicks.
    /// </summary>
    public Attachment Question(Situation situation, SituationQuestion question, Language language, string? topic, IReadOnlyList<string>? answered = null) =>
        Card("question", QuestionData(situation, question, language, topic, answered ?? []));

    /// <summary>
    /// The guideline for a topic: what she told the bot about this case (<paramref name="situation"/>: her
    /// answers and the notes they lead to), kept apart from what the organisation has recorded
    /// (<paramref name="choices"/>). In a channel or group chat (<paramref name="shared"/>) it also has an
    /// "Update" button that asks the bot for the card's current version in the viewer's language.
    /// </summary>
    public Attachment Guideline(Topic topic, Language language, GuidelineCase situation, OrganisationChoices choices, bool isManager, bool shared = false) =>
        Card("guideline", GuidelineData(topic, language, situation, choices, isManager, shared));

    /// <summary>"Is it one of these?" — the best topics first, each a button carrying its topic id.</summary>
    public Attachment TopicChoices(IEnumerable<string> topicIds, Language language) => Card("topic-choices", TopicChoicesData(topicIds, language));

    /// <summary>A titled list of lines with buttons (help, privacy, confirmations).</summary>
    public Attachment Info(string title, IEnumerable<string> lines, params (string Title, JsonObject Data)[] buttons) =>
        Card("info", InfoData(title, lines, buttons));

    public string Ui(string key, Language language, params object[] args) => Content.Ui(key, language, args);

    /// <summary>
    /// "If anyone is threatened or in danger right now, call 911…": the product's own words, not the guide's, in the
    /// replies a danger message the scope recogniser missed may land on (unrelated, legal alone, matched to nothing).
    /// </summary>
    public string DangerPointer(Language language) => Ui("scope.dangerPointer", language);

    /// <summary>
    /// The welcome card: the privacy line first, in both languages, in bold in its own box (the most
    /// important sentence on the card), then what the bot does, in each language.
    /// </summary>
    internal JsonObject WelcomeData(Language first)
    {
        var sections = new JsonArray();
        foreach (var language in new[] { first, first.Other() })
        {
            sections.Add(new JsonObject
            {
                ["heading"] = Ui("welcome.heading", language),
                ["intro"] = Ui("welcome.intro", language),
            });
        }
        return new JsonObject
        {
            ["title"] = Ui("welcome.title", first),
            ["privacy"] = Lines([Ui("welcome.privacy", first), Ui("welcome.privacy", first.Other())]),
            ["sections"] = sections,
            ["actions"] = new JsonArray(
                Button(Ui("action.menu", first), new JsonObject { ["action"] = CardActions.Menu }),
                Button(Ui("action.onboarding", first), new JsonObject { ["action"] = CardActions.Onboarding }),
                Button(Ui("action.french", first), new JsonObject { ["action"] = CardActions.Language, ["language"] = "fr" }),
                Button(Ui("action.english", first), new JsonObject { ["action"] = CardActions.Language, ["language"] = "en" })),
        };
    }

    internal JsonObject MenuData(Language language)
    {
        var areas = new JsonArray();
        foreach (var area in Areas)
        {
            var situations = new JsonArray();
            foreach (var situation in Content.Situations.Where(s => s.Area == area))
            {
                situations.Add(Button(situation.Title(language), new JsonObject { ["action"] = CardActions.Situation, ["situation"] = situation.Id }));
            }
            if (situations.Count == 0) continue;
            areas.Add(new JsonObject { ["title"] = Ui($"area.{area}", language), ["situations"] = situations });
        }
        return new JsonObject
        {
            ["title"] = Ui("menu.title", language),
            ["intro"] = Ui("menu.intro", language),
            ["areas"] = areas,
            ["actions"] = new JsonArray(Button(Ui("action.onboarding", language), new JsonObject { ["action"] = CardActions.Onboarding })),
        };
    }

    internal JsonObject QuestionData(Situation situation, SituationQuestion question, Language language, string? topic, IReadOnlyList<string> answered)
    {
        var options = new JsonArray();
        foreach (var option in question.Options)
        {
            // Each button says which question it answers, and after which answers, so a click on an older card still lands right.
            var click = new JsonObject { ["choice"] = option.Id, ["situation"] = situation.Id, ["question"] = question.Id };
            if (answered.Count > 0) click["answers"] = new JsonArray([.. answered.Select(a => (JsonNode)a)]);
            options.Add(Button(option.Label(language), click));
        }
        var data = new JsonObject
        {
            ["situation"] = situation.Title(language),
            ["question"] = question.Text(language),
            ["options"] = options,
            ["cancel"] = Button(Ui("action.cancel", language), new JsonObject { ["action"] = CardActions.Cancel }),
            ["hasTopic"] = topic is not null,
        };
        if (topic is not null)
        {
            data["topic"] = Button(Content.Topic(topic).Text(language).Title, new JsonObject { ["action"] = CardActions.Topic, ["topic"] = topic, ["direct"] = true });
        }
        return data;
    }

    internal JsonObject GuidelineData(Topic topic, Language language, GuidelineCase situation, OrganisationChoices choices, bool isManager, bool shared)
    {
        var text = topic.Text(language);
        var decisions = Decisions(topic, choices, language, Content);
        var actions = new JsonArray(Button(Ui("action.another", language), new JsonObject { ["action"] = CardActions.Menu }));
        if (isManager)
        {
            actions.Add(Button(Ui("action.post", language), new JsonObject { ["action"] = CardActions.Post, ["topic"] = topic.Id }));
        }
        // What she already answered is not asked again: the steps it settles are left out, the rest renumbered.
        var doNow = text.DoNow.Where((_, i) => !situation.Skips(topic, i + 1));
        var notes = situation.Notes(language);
        return new JsonObject
        {
            ["title"] = text.Title,
            ["summary"] = text.Summary,
            ["hasNotice"] = topic.EmergencyNotice,
            ["notice"] = topic.EmergencyNotice ? Ui("guideline.emergency", language) : "",
            ["hasCase"] = situation.Answers.Count > 0 || notes.Count > 0,
            ["hasAnswers"] = situation.Answers.Count > 0,
            ["answers"] = Bullets(situation.Answers.Select(a => a.Label(language))),
            ["caseNotes"] = Lines(notes),
            ["doNow"] = Steps(doNow),
            ["avoid"] = Bullets(text.Avoid),
            ["why"] = Lines(text.Why),
            ["hasDecisions"] = decisions.Count > 0,
            ["decisions"] = decisions,
            ["source"] = Content.SourceLine(topic, language),
            ["labels"] = new JsonObject
            {
                ["forYourCase"] = Ui("guideline.forYourCase", language),
                ["yourAnswers"] = Ui("guideline.yourAnswers", language),
                ["doNow"] = Ui("guideline.doNow", language),
                ["avoid"] = Ui("guideline.avoid", language),
                ["why"] = Ui("guideline.why", language),
                ["orgPolicy"] = Ui("guideline.orgPolicy", language),
                ["orgPolicyIntro"] = Ui("guideline.orgPolicyIntro", language),
                ["wasHelpful"] = Ui("guideline.wasHelpful", language),
            },
            ["feedback"] = new JsonArray(
                Button(Ui("action.helpful", language), new JsonObject { ["action"] = CardActions.Feedback, ["topic"] = topic.Id, ["helpful"] = true }),
                Button(Ui("action.notHelpful", language), new JsonObject { ["action"] = CardActions.Feedback, ["topic"] = topic.Id, ["helpful"] = false })),
            ["actions"] = actions,
            ["shared"] = shared,
            ["refresh"] = new JsonObject
            {
                ["title"] = Ui("action.update", language),
                ["verb"] = CardActions.RefreshGuidelineVerb,
                ["data"] = new JsonObject { ["topic"] = topic.Id },
                ["fallback"] = new JsonObject { ["action"] = CardActions.Refresh, ["topic"] = topic.Id },
            },
        };
    }

    internal JsonObject TopicChoicesData(IEnumerable<string> topicIds, Language language)
    {
        var topics = new JsonArray();
        foreach (var id in topicIds)
        {
            topics.Add(Button(Content.Topic(id).Text(language).Title, new JsonObject { ["action"] = CardActions.Topic, ["topic"] = id }));
        }
        return new JsonObject
        {
            ["title"] = Ui("choices.title", language),
            ["topics"] = topics,
            ["none"] = Button(Ui("action.noneOfThese", language), new JsonObject { ["action"] = CardActions.Menu }),
            // A message the bot did not understand may be someone in danger that the scope recogniser missed.
            ["notice"] = Ui("guideline.emergency", language),
        };
    }

    internal static JsonObject InfoData(string title, IEnumerable<string> lines, IEnumerable<(string Title, JsonObject Data)> buttons)
    {
        var actions = new JsonArray();
        foreach (var (buttonTitle, data) in buttons) actions.Add(Button(buttonTitle, data));
        return new JsonObject { ["title"] = title, ["lines"] = Lines(lines), ["actions"] = actions };
    }

    private static IReadOnlyList<string> Areas { get; } =
    [
        "page-and-comments", "photos-and-posts", "messages-from-survivors",
        "my-own-accounts", "residents-and-social-media", "running-our-accounts",
    ];
}
