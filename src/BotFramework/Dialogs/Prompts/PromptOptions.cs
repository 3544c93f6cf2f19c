using System.Text.Json.Nodes;
using BotFramework.Schema;

namespace BotFramework.Dialogs.Prompts;

/// <summary>What a prompt asks and how; stored as JSON in the prompt's state, so keep it to data.</summary>
public sealed class PromptOptions
{
    /// <summary>Sent when the prompt begins and when it is re-prompted.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an answer that was not recognised or not valid; <see cref="Prompt"/> when absent.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>Free data for the validator (limits, patterns); stored as is.</summary>
    public JsonNode? Validations { get; set; }
}
