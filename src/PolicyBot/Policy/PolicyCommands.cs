using PolicyBot.Conversation;

namespace PolicyBot.Policy;

public enum PolicyCommandKind
{
    None,
    Post,
}

/// <summary><c>post &lt;topic or words&gt;</c> typed by a manager (with what follows); the policy's other commands are plain command words.</summary>
public readonly record struct PolicyCommand(PolicyCommandKind Kind, string Rest = "")
{
    private static readonly string[] PostWords = ["post", "pin", "publier", "publie", "epingler", "epingle"];

    /// <summary>Recognises the whole message, ignoring case, accents and end punctuation.</summary>
    public static PolicyCommand Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        var normalized = CommandText.Normalize(text);
        foreach (var word in PostWords)
        {
            if (normalized == word) return new PolicyCommand(PolicyCommandKind.Post);
            if (normalized.StartsWith(word + " ", StringComparison.Ordinal))
            {
                // What follows, as typed (accents kept for the topic finder), after the command word.
                var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return new PolicyCommand(PolicyCommandKind.Post, parts.Length < 2 ? "" : parts[1]);
            }
        }
        return default;
    }
}
