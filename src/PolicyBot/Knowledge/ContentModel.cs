using System.Text.Json.Serialization;

namespace PolicyBot.Knowledge;

/// <summary>One guideline of the guide: the same topic in French and in English (Content/topics/&lt;id&gt;.json).</summary>
public sealed class Topic
{
    public required string Id { get; init; }
    public required int Order { get; init; }

    /// <summary>The line of the guide where this topic's passage starts.</summary>
    public required string Section { get; init; }
    public required string Area { get; init; }

    /// <summary>The situation to start when this topic is chosen or matched.</summary>
    public required string Situation { get; init; }
    public required TopicText Fr { get; init; }
    public required TopicText En { get; init; }
    public List<DecisionPoint> DecisionPoints { get; init; } = [];

    /// <summary>The guide's words behind each statement of <see cref="Fr"/> and <see cref="En"/>; required for every statement.</summary>
    public TopicSources? Sources { get; init; }

    /// <summary>
    /// The topic is close to moments of danger (threats, a survivor asking for help, tech-facilitated
    /// violence): its cards also show the product's own emergency notice (<c>guideline.emergency</c>), which
    /// is not the guide's.
    /// </summary>
    public bool EmergencyNotice { get; init; }

    public TopicText Text(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>
/// For each statement of a topic, a verbatim excerpt of the guide (at least five words) that supports
/// it; the lists run parallel to the statements, which say the same thing in both languages.
/// </summary>
public sealed class TopicSources
{
    public string? Summary { get; init; }
    public List<string> DoNow { get; init; } = [];
    public List<string> Avoid { get; init; } = [];
    public List<string> Why { get; init; } = [];
}

public sealed class TopicText
{
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required List<string> DoNow { get; init; }
    public required List<string> Avoid { get; init; }
    public required List<string> Why { get; init; }
    public required List<string> Examples { get; init; }
}

/// <summary>A choice the guide leaves to each organisation, with the options the guide describes.</summary>
public sealed class DecisionPoint
{
    public required string Id { get; init; }
    public required List<string> Options { get; init; }
    public required DecisionPointText Fr { get; init; }
    public required DecisionPointText En { get; init; }

    /// <summary>Per option id, the guide's words that describe that option; required for every option.</summary>
    public Dictionary<string, string> Sources { get; init; } = [];

    public DecisionPointText Text(Language language) => language == Language.Fr ? Fr : En;
}

public sealed class DecisionPointText
{
    public required string Label { get; init; }
    public required Dictionary<string, string> Options { get; init; }
}

/// <summary>A guided situation: 1–3 button questions that end on a topic with a note for this case.</summary>
public sealed class Situation
{
    public required string Id { get; init; }
    public required string Area { get; init; }
    public required TitleText Fr { get; init; }
    public required TitleText En { get; init; }
    public required string Start { get; init; }
    public required List<SituationQuestion> Questions { get; init; }

    public string Title(Language language) => (language == Language.Fr ? Fr : En).Title;

    public SituationQuestion Question(string id) =>
        Questions.FirstOrDefault(q => q.Id == id) ?? throw new KeyNotFoundException($"Situation '{Id}' has no question '{id}'.");
}

public sealed class TitleText
{
    public required string Title { get; init; }
}

public sealed class SituationQuestion
{
    public required string Id { get; init; }
    public required QuestionText Fr { get; init; }
    public required QuestionText En { get; init; }
    public required List<SituationOption> Options { get; init; }

    public string Text(Language language) => (language == Language.Fr ? Fr : En).Text;
}

public sealed class QuestionText
{
    public required string Text { get; init; }
}

public sealed class SituationOption
{
    public required string Id { get; init; }
    public required string Fr { get; init; }
    public required string En { get; init; }
    public string? Next { get; init; }
    public SituationOutcome? Outcome { get; init; }

    /// <summary>
    /// True for an answer the guide does not cover and that may mean danger (a threat): the situation
    /// ends with the safety reply (the product's own words, not the guide's) instead of a guideline.
    /// </summary>
    public bool Safety { get; init; }

    public string Label(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>Where an answer leads: the topic's guideline, plus lines that apply to this case.</summary>
public sealed class SituationOutcome
{
    public required string Topic { get; init; }
    public List<string> Fr { get; init; } = [];
    public List<string> En { get; init; } = [];

    /// <summary>The guide's words behind each line, parallel to <see cref="Fr"/> and <see cref="En"/>.</summary>
    public List<string> Sources { get; init; } = [];

    /// <summary>
    /// The topic's "what to do now" steps, numbered from 1 as the card numbers them, that the answers
    /// leading here already settle (she told the bot the organisation's stance: the card doesn't ask her
    /// to check it). The card leaves them out.
    /// </summary>
    public List<int> SkipDoNow { get; init; } = [];

    public IReadOnlyList<string> Notes(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>Groups of words staff use interchangeably, per language (Content/synonyms.json).</summary>
public sealed class SynonymGroups
{
    [JsonPropertyName("fr")] public List<List<string>> Fr { get; init; } = [];
    [JsonPropertyName("en")] public List<List<string>> En { get; init; } = [];

    public IReadOnlyList<List<string>> For(Language language) => language == Language.Fr ? Fr : En;
}
