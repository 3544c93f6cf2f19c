namespace PolicyBot.Policy;

/// <summary>How the organisation's policy and the cards posted from it behave (section <c>PolicyBot:Policy</c>).</summary>
public sealed class PolicyOptions
{
    public const string SectionName = "PolicyBot:Policy";

    /// <summary>
    /// How long an instance may reuse the current policy it read before reading it again. The instance
    /// where a manager saves sees the change at once; other instances within this delay. Zero reads it
    /// at every turn.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Card updates sent into one channel or chat per second (Teams allows 7 per thread).</summary>
    public double UpdatesPerSecondPerConversation { get; set; } = 7;

    /// <summary>Card updates sent per second in all (Teams allows 50 per app and tenant; stay well below).</summary>
    public double UpdatesPerSecond { get; set; } = 20;

    /// <summary>How many posted cards are remembered for updates; the oldest are forgotten first.</summary>
    public int MaxPostedCards { get; set; } = 2000;

    /// <summary>How many versions <c>policy history</c> shows, newest first.</summary>
    public int HistoryLength { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (CacheDuration < TimeSpan.Zero || CacheDuration > TimeSpan.FromMinutes(5)) yield return "PolicyBot:Policy:CacheDuration must be between 00:00:00 and 00:05:00.";
        if (UpdatesPerSecondPerConversation is <= 0 or > 7) yield return "PolicyBot:Policy:UpdatesPerSecondPerConversation must be above 0 and at most 7 (Teams' limit per thread).";
        if (UpdatesPerSecond is <= 0 or > 50) yield return "PolicyBot:Policy:UpdatesPerSecond must be above 0 and at most 50 (Teams' limit per app and tenant).";
        if (MaxPostedCards is < 1 or > 100_000) yield return "PolicyBot:Policy:MaxPostedCards must be between 1 and 100000.";
        if (HistoryLength is < 1 or > 100) yield return "PolicyBot:Policy:HistoryLength must be between 1 and 100.";
    }
}
