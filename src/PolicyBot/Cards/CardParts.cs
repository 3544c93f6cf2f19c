using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Knowledge;

namespace PolicyBot.Cards;

/// <summary>The pieces every card builder binds into its template: lines of text, numbered steps, bullets, buttons.</summary>
public static class CardParts
{
    /// <summary>The template expanded with <paramref name="data"/>, as an Adaptive Card attachment.</summary>
    public static Attachment Card(string template, JsonObject data) => Attachment.AdaptiveCard(CardTemplates.Expand(template, data));

    /// <summary>Lines for a template's <c>$data</c> repeat: one <c>{"text": …}</c> each.</summary>
    public static JsonArray Lines(IEnumerable<string> lines)
    {
        var array = new JsonArray();
        foreach (var line in lines) array.Add(new JsonObject { ["text"] = line });
        return array;
    }

    /// <summary>Steps numbered from 1, in order.</summary>
    public static JsonArray Steps(IEnumerable<string> steps) => Lines(steps.Select((step, i) => $"{i + 1}. {step}"));

    /// <summary>Points of a list, each with a bullet.</summary>
    public static JsonArray Bullets(IEnumerable<string> points) => Lines(points.Select(point => "• " + point));

    /// <summary>A button for a template's <c>actions</c>: its title and the data it sends back.</summary>
    public static JsonObject Button(string title, JsonObject data) => new() { ["title"] = title, ["data"] = data };

    /// <summary>
    /// A topic's decision points for a template's <c>decisions</c> repeat, the same on the guideline card and
    /// the policy card: each point's label, then the organisation's choice (<c>decided</c>, <c>choice</c>) or
    /// "not decided" and the options the guide describes (<c>notDecided</c>, <c>options</c>).
    /// </summary>
    public static JsonArray Decisions(Topic topic, OrganisationChoices choices, Language language, ContentLibrary content)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(content);
        var decisions = new JsonArray();
        foreach (var point in topic.DecisionPoints)
        {
            var text = point.Text(language);
            var chosen = choices.OptionFor(point) is { } option ? text.Options.GetValueOrDefault(option) : null;
            decisions.Add(new JsonObject
            {
                ["label"] = text.Label,
                ["decided"] = chosen is not null,
                ["choice"] = chosen ?? "",
                ["notDecided"] = content.Ui("guideline.notDecided", language),
                ["options"] = Bullets(point.Options.Select(o => text.Options[o])),
            });
        }
        return decisions;
    }
}
