using PolicyBot.Bot;

namespace PolicyBot.Policy;

public enum PolicyCommandKind
{
    None,
    Edit,
    History,
    Post,
}

/// <summary>A manager's typed command: see or set the policy, its history, or <c>post &lt;topic or words&gt;</c> (with what follows).</summary>
public readonly record struct PolicyCommand(PolicyCommandKind Kind, string Rest = "")
{
    private static readonly Dictionary<string, PolicyCommandKind> Whole = new(StringComparer.Ordinal)
    {
        ["my policy"] = PolicyCommandKind.Edit, ["policy"] = PolicyCommandKind.Edit, ["our policy"] = PolicyCommandKind.Edit,
        ["organisation policy"] = PolicyCommandKind.Edit, ["organization policy"] = PolicyCommandKind.Edit, ["set policy"] = PolicyCommandKind.Edit,
        ["ma politique"] = PolicyCommandKind.Edit, ["politique"] = PolicyCommandKind.Edit, ["notre politique"] = PolicyCommandKind.Edit,
        ["politique de l'organisation"] = PolicyCommandKind.Edit, ["choix de l'organisation"] = PolicyCommandKind.Edit,
        ["policy history"] = PolicyCommandKind.History, ["history"] = PolicyCommandKind.History,
        ["historique"] = PolicyCommandKind.History, ["historique de la politique"] = PolicyCommandKind.History,
    };

    private static readonly string[] PostWords = ["post", "pin", "publier", "publie", "epingler", "epingle"];

    /// <summary>Recognises the whole message, ignoring case, accents and end punctuation.</summary>
    public static PolicyCommand Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        var normalized = Commands.Normalize(text);
        if (Whole.TryGetValue(normalized, out var kind)) return new PolicyCommand(kind);
        foreach (var word in PostWords)
        {
            if (normalized == word) return new PolicyCommand(PolicyCommandKind.Post);
            if (normalized.StartsWith(word + " ", StringComparison.Ordinal))
            {
                // What follows, as typed (accents kept for the topic finder), after the command word.
                var trimmed = text.Trim();
                var space = trimmed.IndexOf(' ');
                return new PolicyCommand(PolicyCommandKind.Post, space < 0 ? "" : trimmed[(space + 1)..].Trim());
            }
        }
        return default;
    }
}
