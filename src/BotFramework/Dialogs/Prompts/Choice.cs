using System.Text.Json.Serialization;

namespace BotFramework.Dialogs.Prompts;

/// <summary>One option a user may pick (see <see cref="ChoiceRecognizer"/>): a stable value, the words shown, and other words that mean it.</summary>
public sealed class Choice
{
    public Choice() { }

    public Choice(string value, string? title = null, params string[] synonyms)
    {
        Value = value;
        Title = title;
        Synonyms = synonyms.Length > 0 ? [.. synonyms] : null;
    }

    /// <summary>What the recogniser returns, and what a card button submits as <c>{"choice": value}</c>.</summary>
    public string Value { get; set; } = "";

    /// <summary>What the user sees; <see cref="Value"/> when absent.</summary>
    public string? Title { get; set; }

    public List<string>? Synonyms { get; set; }

    [JsonIgnore]
    public string DisplayText => string.IsNullOrEmpty(Title) ? Value : Title;
}
