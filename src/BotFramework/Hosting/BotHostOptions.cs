namespace BotFramework.Hosting;

/// <summary>How the bot endpoint behaves (section <c>Bot</c>).</summary>
public sealed class BotHostOptions
{
    public const string SectionName = "Bot";

    /// <summary>Larger request bodies are refused with 413. Teams activities are far smaller.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A conversation's dialog state untouched for longer than this is discarded at its next turn.</summary>
    public TimeSpan ConversationStateExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A typing indicator is shown when a message turn takes longer than this.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(750);

    /// <summary>Retries of a Connector call answered with 429, 412, 502, 503 or 504.</summary>
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First retry delay (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        if (MaxRequestBodyBytes < 4096) yield return "Bot:MaxRequestBodyBytes must be at least 4096.";
        if (ConversationStateExpiry <= TimeSpan.Zero) yield return "Bot:ConversationStateExpiry must be a positive time span such as 1.00:00:00.";
        if (TypingDelay < TimeSpan.Zero) yield return "Bot:TypingDelay cannot be negative.";
        if (ConnectorMaxRetries is < 0 or > 10) yield return "Bot:ConnectorMaxRetries must be between 0 and 10.";
        if (ConnectorRetryDelay < TimeSpan.Zero) yield return "Bot:ConnectorRetryDelay cannot be negative.";
    }
}
