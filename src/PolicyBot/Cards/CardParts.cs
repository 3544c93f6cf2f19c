using System.Text.Json.Nodes;
using BotFramework.Schema;

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
}
