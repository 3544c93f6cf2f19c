using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using static PolicyBot.Cards.CardParts;

namespace PolicyBot.Policy;

/// <summary>
/// The cards of the organisation's policy: the policy card posted in channels and found by search
/// (current for every viewer through Universal Actions), the manager's editor, and the history.
/// Words come from the content library; nothing a user typed is bound. Each card's data is built by
/// its own <c>…Data</c> method, as in <see cref="GuidelineCards"/>, so tests can check it and expand it
/// with other templaters.
/// </summary>
public sealed class OrganisationPolicyCards(ContentLibrary content)
{
    /// <summary>The prefix of an editor input's id; the rest is the decision point id.</summary>
    public const string InputPrefix = "policy-";

    /// <summary>The editor's value for "not decided".</summary>
    public const string NotDecided = "none";

    /// <summary>What one viewer sees on a refreshed card; null for the shared copy everyone gets.</summary>
    public sealed record Viewer(bool Acknowledged, int AcknowledgedCount);

    public ContentLibrary Content { get; } = content;

    /// <summary>A topic's policy card: the guideline with the organisation's current choices, refreshable and acknowledgeable.</summary>
    public Attachment PolicyCard(Topic topic, Language language, PolicyVersion policy, Viewer? viewer) =>
        Card("policy-card", PolicyCardData(topic, language, policy, viewer));

    internal JsonObject PolicyCardData(Topic topic, Language language, PolicyVersion policy, Viewer? viewer)
    {
        var text = topic.Text(language);
        var topicVersion = policy.VersionOf(topic);
        var decisions = Decisions(topic, policy.ToChoices(), language, Content);
        var refreshData = new JsonObject { ["topic"] = topic.Id };
        var ackData = new JsonObject { ["topic"] = topic.Id, ["version"] = topicVersion };
        var ackFallback = new JsonObject { ["action"] = CardActions.AcknowledgePolicy, ["topic"] = topic.Id, ["version"] = topicVersion };
        return new JsonObject
        {
            ["title"] = text.Title,
            ["summary"] = text.Summary,
            ["hasNotice"] = topic.EmergencyNotice,
            ["notice"] = topic.EmergencyNotice ? Ui("guideline.emergency", language) : "",
            ["doNow"] = Steps(text.DoNow),
            ["avoid"] = Bullets(text.Avoid),
            ["why"] = Lines(text.Why),
            ["hasDecisions"] = decisions.Count > 0,
            ["decisions"] = decisions,
            ["hasVersion"] = topicVersion > 0,
            ["version"] = topicVersion > 0 ? Ui("policy.card.version", language, topicVersion) : "",
            ["source"] = Content.SourceLine(topic, language),
            ["labels"] = new JsonObject
            {
                ["doNow"] = Ui("guideline.doNow", language),
                ["avoid"] = Ui("guideline.avoid", language),
                ["why"] = Ui("guideline.why", language),
                ["orgPolicy"] = Ui("guideline.orgPolicy", language),
            },
            ["refresh"] = new JsonObject
            {
                ["title"] = Ui("policy.card.refresh", language),
                ["verb"] = CardActions.RefreshPolicyCard,
                ["data"] = refreshData,
            },
            ["acknowledgement"] = new JsonObject
            {
                ["done"] = viewer?.Acknowledged ?? false,
                ["doneText"] = Ui("policy.card.acknowledged", language),
                ["prompt"] = Ui("policy.card.ackPrompt", language),
                ["hasCount"] = viewer is not null,
                ["countText"] = viewer is null ? "" : Ui("policy.card.ackCount", language, viewer.AcknowledgedCount),
                ["button"] = new JsonObject
                {
                    ["title"] = Ui("policy.card.acknowledge", language),
                    ["verb"] = CardActions.AcknowledgePolicy,
                    ["data"] = ackData,
                    ["fallbackData"] = ackFallback,
                },
            },
        };
    }

    /// <summary>The preview of a policy card in message-extension results (a hero card: the Playground and Teams accept it).</summary>
    public static JsonObject Preview(Topic topic, Language language) => new()
    {
        ["contentType"] = Attachment.HeroCardContentType,
        ["content"] = new JsonObject { ["title"] = topic.Text(language).Title, ["text"] = topic.Text(language).Summary },
    };

    /// <summary>
    /// The manager's editor: the shelter's emergency instructions, then every decision point of the guide,
    /// grouped by topic, set to the current choice — or, after a save that was refused, to what the manager had
    /// on the card (<paramref name="submitted"/>), so nothing she chose is lost.
    /// </summary>
    public Attachment Editor(PolicyVersion policy, Language language, JsonElement? submitted = null) => Card("policy-editor", EditorData(policy, language, submitted));

    internal JsonObject EditorData(PolicyVersion policy, Language language, JsonElement? submitted = null)
    {
        var topics = new JsonArray();
        var baseline = new JsonObject();
        var emergency = new JsonArray();
        var organisation = policy.ToChoices();
        var instructions = EmergencyInstructions.From(organisation);
        foreach (var (id, value) in new[] { (EmergencyInstructions.PhoneId, instructions.Phone), (EmergencyInstructions.ProcedureId, instructions.Procedure) })
        {
            baseline[id] = value ?? "";
            var shown = submitted is { } data ? CardData.String(data, InputPrefix + id) ?? value : value;
            emergency.Add(new JsonObject
            {
                ["inputId"] = InputPrefix + id,
                ["label"] = EmergencyLabel(id, language),
                ["value"] = shown ?? "",
                ["maxLength"] = EmergencyInstructions.MaxLength(id),
            });
        }
        foreach (var topic in Content.Topics.Where(t => t.DecisionPoints.Count > 0))
        {
            var points = new JsonArray();
            foreach (var point in topic.DecisionPoints)
            {
                var pointText = point.Text(language);
                var decided = organisation.OptionFor(point) ?? NotDecided;
                baseline[point.Id] = decided;
                var wanted = submitted is { } data ? CardData.String(data, InputPrefix + point.Id) : null;
                var current = wanted is not null && (wanted == NotDecided || point.Options.Contains(wanted)) ? wanted : decided;
                var choices = new JsonArray(new JsonObject { ["title"] = Ui("policy.editor.notDecided", language), ["value"] = NotDecided });
                foreach (var option in point.Options) choices.Add(new JsonObject { ["title"] = pointText.Options[option], ["value"] = option });
                points.Add(new JsonObject { ["inputId"] = InputPrefix + point.Id, ["label"] = pointText.Label, ["value"] = current, ["choices"] = choices });
            }
            topics.Add(new JsonObject { ["title"] = topic.Text(language).Title, ["points"] = points });
        }
        return new JsonObject
        {
            ["title"] = Ui("policy.editor.title", language),
            ["intro"] = Ui("policy.editor.intro", language),
            ["version"] = VersionLine(policy, language),
            ["emergency"] = new JsonObject
            {
                ["heading"] = Ui("scope.emergency.heading", language),
                ["intro"] = Ui("scope.emergency.intro", language),
                ["inputs"] = emergency,
            },
            ["topics"] = topics,
            ["actions"] = new JsonArray(
                Button(Ui("policy.action.save", language), new JsonObject
                {
                    ["action"] = CardActions.PolicySave,
                    ["baseVersion"] = policy.Version,
                    ["base"] = baseline,
                }),
                Button(Ui("policy.action.history", language), new JsonObject { ["action"] = CardActions.PolicyHistory })),
        };
    }

    /// <summary>The newest versions first: who, when, and each decision's old and new option.</summary>
    public Attachment History(IReadOnlyList<PolicyVersion> versions, Language language) => Card("policy-history", HistoryData(versions, language));

    internal JsonObject HistoryData(IReadOnlyList<PolicyVersion> versions, Language language) =>
        new()
        {
            ["title"] = Ui("policy.history.title", language),
            ["lines"] = Lines(versions.Count == 0 ? [Ui("policy.history.empty", language)] : []),
            ["entries"] = new JsonArray([.. versions.Select(v => Entry(v, language))]),
            ["actions"] = new JsonArray(Button(Ui("policy.action.edit", language), new JsonObject { ["action"] = CardActions.PolicyEdit })),
        };

    /// <summary>The answer to a save: the version created and what changed in it.</summary>
    public Attachment Saved(PolicyVersion created, bool mergedWithAnother, Language language) =>
        Card("policy-history", SavedData(created, mergedWithAnother, language));

    internal JsonObject SavedData(PolicyVersion created, bool mergedWithAnother, Language language)
    {
        var lines = new List<string>();
        if (mergedWithAnother) lines.Add(Ui("policy.saved.merged", language));
        lines.Add(Ui("policy.saved.updates", language));
        return new JsonObject
        {
            ["title"] = Ui("policy.saved.title", language, created.Version),
            ["lines"] = Lines(lines),
            ["entries"] = new JsonArray(Entry(created, language)),
            ["actions"] = new JsonArray(
                Button(Ui("policy.action.edit", language), new JsonObject { ["action"] = CardActions.PolicyEdit }),
                Button(Ui("policy.action.history", language), new JsonObject { ["action"] = CardActions.PolicyHistory })),
        };
    }

    private JsonObject Entry(PolicyVersion version, Language language) => new()
    {
        ["heading"] = Ui("policy.history.heading", language, version.Version, Date(version.At)),
        ["by"] = Ui("policy.history.by", language, Author(version, language), version.By?.AadObjectId ?? "?"),
        ["changes"] = new JsonArray([.. version.Changes.Select(c => new JsonObject
        {
            ["label"] = PointLabel(c.DecisionPoint, language),
            ["text"] = Ui("policy.history.change", language, OptionLabel(c.DecisionPoint, c.From, language), OptionLabel(c.DecisionPoint, c.To, language)),
        })]),
    };

    private string VersionLine(PolicyVersion policy, Language language) =>
        policy.Version == 0
            ? Ui("policy.editor.noVersion", language)
            : Ui("policy.editor.version", language, policy.Version, Date(policy.At), Author(policy, language));

    private string Author(PolicyVersion version, Language language) =>
        CardTemplate.PlainName(version.By?.Name ?? "") is { Length: > 0 } name ? name : Ui("policy.history.unknownManager", language);

    /// <summary>A point's label; a point the content no longer has (its choice stays in the history) is named by its id.</summary>
    private string PointLabel(string pointId, Language language) =>
        EmergencyInstructions.Ids.Contains(pointId) ? EmergencyLabel(pointId, language)
        : FindPoint(pointId) is { } point ? point.Text(language).Label : Ui("policy.history.retired", language, pointId);

    private string EmergencyLabel(string id, Language language) =>
        Ui(id == EmergencyInstructions.PhoneId ? "scope.emergency.phone" : "scope.emergency.procedure", language);

    private string OptionLabel(string pointId, string? optionId, Language language)
    {
        // The emergency instructions are text the manager wrote (checked when saved), not an option id.
        if (EmergencyInstructions.Ids.Contains(pointId)) return optionId ?? Ui("scope.emergency.notSet", language);
        if (optionId is null) return Ui("policy.history.undecided", language);
        return FindPoint(pointId)?.Text(language).Options.GetValueOrDefault(optionId) ?? optionId;
    }

    private DecisionPoint? FindPoint(string pointId) =>
        Content.Topics.SelectMany(t => t.DecisionPoints).FirstOrDefault(p => p.Id == pointId);

    private static string Date(DateTimeOffset? at) =>
        at is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";

    private string Ui(string key, Language language, params object[] args) => Content.Ui(key, language, args);
}
