using System.Text;
using System.Text.Json;
using BotFramework.Schema;

namespace BotFramework.Testing;

/// <summary>Reads what a person would see in a message: its text and its Adaptive Cards' texts and buttons.</summary>
public static class CardReader
{
    public sealed record CardAction(string Type, string Title, string? Verb, JsonElement? Data);

    /// <summary>All visible text: the message text, then for each card its TextBlocks, facts, choices and button titles, one per line.</summary>
    public static string VisibleText(Activity activity)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(activity.Text)) sb.AppendLine(activity.Text);
        foreach (var card in Cards(activity)) Walk(card, sb);
        return sb.ToString();
    }

    public static IEnumerable<JsonElement> Cards(Activity activity) =>
        (activity.Attachments ?? [])
            .Where(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is not null)
            .Select(a => a.Content is JsonElement e ? e : JsonSerializer.SerializeToElement(a.Content, a.Content!.GetType(), BotJson.Options));

    public static IReadOnlyList<CardAction> Actions(Activity activity)
    {
        var found = new List<CardAction>();
        foreach (var card in Cards(activity)) CollectActions(card, found);
        return found;
    }

    public static IEnumerable<string> ActionTitles(Activity activity) => Actions(activity).Select(a => a.Title);

    public static CardAction? FindAction(Activity activity, string title) =>
        Actions(activity).FirstOrDefault(a => a.Title == title)
        ?? Actions(activity).FirstOrDefault(a => string.Equals(a.Title, title, StringComparison.OrdinalIgnoreCase));

    private static void CollectActions(JsonElement element, List<CardAction> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() is { } t && t.StartsWith("Action.", StringComparison.Ordinal)
                    && element.TryGetProperty("title", out var title))
                {
                    found.Add(new CardAction(t, title.GetString() ?? "",
                        element.TryGetProperty("verb", out var verb) ? verb.GetString() : null,
                        element.TryGetProperty("data", out var data) ? data.Clone() : null));
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "fallback" or "refresh") continue;
                    CollectActions(property.Value, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CollectActions(item, found);
                break;
        }
    }

    private static void Walk(JsonElement element, StringBuilder sb)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is "TextBlock" or "TextRun" && element.TryGetProperty("text", out var text)) sb.AppendLine(text.GetString());
                if (type is "FactSet" && element.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var fact in facts.EnumerateArray())
                    {
                        sb.Append(fact.TryGetProperty("title", out var ft) ? ft.GetString() : "").Append(": ")
                          .AppendLine(fact.TryGetProperty("value", out var fv) ? fv.GetString() : "");
                    }
                }
                // An input's label is shown above it.
                if (type is "Input.Text" or "Input.ChoiceSet" or "Input.Toggle" && element.TryGetProperty("label", out var label)) sb.AppendLine(label.GetString());
                if (type is "Input.ChoiceSet" && element.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
                {
                    foreach (var choice in choices.EnumerateArray())
                    {
                        if (choice.TryGetProperty("title", out var ct)) sb.Append("( ) ").AppendLine(ct.GetString());
                    }
                }
                if (type is not null && type.StartsWith("Action.", StringComparison.Ordinal) && element.TryGetProperty("title", out var title))
                {
                    sb.Append('[').Append(title.GetString()).AppendLine("]");
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "fallback" or "refresh" or "data" or "$data" or "facts" or "choices") continue;
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Walk(property.Value, sb);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, sb);
                break;
        }
    }
}
