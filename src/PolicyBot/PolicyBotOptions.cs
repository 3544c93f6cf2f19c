namespace PolicyBot;

/// <summary>The product's settings (section <c>PolicyBot</c>).</summary>
public sealed class PolicyBotOptions
{
    public const string SectionName = "PolicyBot";

    /// <summary>Entra object ids (<c>from.aadObjectId</c>) of the people who may act as managers.</summary>
    public List<string> Managers { get; set; } = [];

    public bool IsManager(string? aadObjectId) =>
        !string.IsNullOrEmpty(aadObjectId) && Managers.Any(m => string.Equals(m, aadObjectId, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> Validate()
    {
        foreach (var manager in Managers)
        {
            if (!Guid.TryParse(manager, out _)) yield return $"PolicyBot:Managers contains \"{manager}\", which is not an Entra object id (a GUID).";
        }
    }
}
