using BotFramework.Connector;

namespace BotFramework.Hosting;

/// <summary>How the bot endpoint behaves (section <c>Bot</c>).</summary>
public sealed class BotHostOptions
{
    public const string SectionName = "Bot";

    /// <summary>Larger request bodies are refused with 413. Teams activities are far smaller.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// A conversation's state untouched for longer than this is discarded at its next turn, and deleted from
    /// storage by the sweep (<see cref="ExpiredStateSweepInterval"/>) if no turn comes.
    /// </summary>
    public TimeSpan ConversationStateExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired conversation state is looked for and deleted.</summary>
    public TimeSpan ExpiredStateSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A typing indicator is shown when a message turn takes longer than this.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(750);

    /// <summary>Retries of a Connector call answered with 429, 412, 502, 503 or 504.</summary>
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First retry delay (exponential with jitter); a <c>Retry-After</c> header wins.</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Calling applications (<c>appid</c> / <c>azp</c> of an Entra token) allowed in. Empty: any application of
    /// the bot's tenant that holds an app-only token for the bot; the host logs each caller the first time it
    /// sees it, so the list can be pinned. Channel tokens (from Azure Bot Service) name no caller and are not affected.
    /// </summary>
    public string[] AllowedCallers { get; set; } = [];

    /// <summary>
    /// Hosts the bot may send its Connector token to, besides Teams' and Bot Framework's own
    /// (<see cref="TrustedServiceUrls.DefaultHosts"/>): <c>host</c> or <c>*.domain</c>. A loopback host listed here may use http.
    /// </summary>
    public string[] AllowedServiceHosts { get; set; } = [];

    /// <summary>
    /// Local mode (no app id) only: accept requests without a token from any address and in any environment.
    /// Never for a deployment reachable by others; the host says so loudly at start.
    /// </summary>
    public bool AllowUnauthenticatedRequests { get; set; }

    /// <summary>
    /// How long this instance may use its own copy of a state document instead of reading it
    /// (<see cref="State.StateCache"/>); zero reads every document at every turn. The copy is always checked before a
    /// turn commits; this bounds how late a user's choice made in another conversation, on another instance, shows.
    /// </summary>
    public TimeSpan StateCacheMaxAge { get; set; } = State.StateCache.DefaultMaxAge;

    /// <summary>
    /// How many state documents this instance keeps copies of (<see cref="State.StateCache"/>, about 1 KB each); past
    /// it, the oldest copies go and their next turn reads its document. Raise it for more conversations going at once
    /// (within <see cref="StateCacheMaxAge"/>) than this.
    /// </summary>
    public int StateCacheCapacity { get; set; } = State.StateCache.DefaultCapacity;

    /// <summary>
    /// With the state cache on: a state document this instance never met is taken as new without reading it, and its
    /// create-only write checks the guess (<see cref="State.StateCache.GuessesUnseenAreNew"/>). A new conversation's first
    /// turn makes one storage call instead of two; a returning user's first turn on an instance that never met her makes
    /// three instead of two and runs twice. False reads every document this instance has no copy of.
    /// </summary>
    public bool TakeUnseenStateAsNew { get; set; } = true;

    /// <summary>Turns of one conversation waiting behind its running turn; more get 429 with <c>Retry-After</c>.</summary>
    public int MaxQueuedTurnsPerConversation { get; set; } = 32;

    /// <summary>Turns running or waiting in the whole host; more get 503 with <c>Retry-After</c>.</summary>
    public int MaxTurnsInProgress { get; set; } = 500;

    public IEnumerable<string> Validate()
    {
        if (MaxRequestBodyBytes < 4096) yield return "Bot:MaxRequestBodyBytes must be at least 4096.";
        if (ConversationStateExpiry <= TimeSpan.Zero) yield return "Bot:ConversationStateExpiry must be a positive time span such as 1.00:00:00.";
        if (ExpiredStateSweepInterval < TimeSpan.FromMinutes(1)) yield return "Bot:ExpiredStateSweepInterval must be at least 00:01:00.";
        if (TypingDelay < TimeSpan.Zero) yield return "Bot:TypingDelay cannot be negative.";
        if (StateCacheMaxAge < TimeSpan.Zero) yield return "Bot:StateCacheMaxAge cannot be negative (00:00:00 turns the instance's state cache off).";
        if (StateCacheCapacity < 1) yield return "Bot:StateCacheCapacity must be at least 1 (Bot:StateCacheMaxAge 00:00:00 turns the cache off).";
        if (ConnectorMaxRetries is < 0 or > 10) yield return "Bot:ConnectorMaxRetries must be between 0 and 10.";
        if (ConnectorRetryDelay < TimeSpan.Zero) yield return "Bot:ConnectorRetryDelay cannot be negative.";
        if (MaxQueuedTurnsPerConversation < 1) yield return "Bot:MaxQueuedTurnsPerConversation must be at least 1.";
        if (MaxTurnsInProgress < 1) yield return "Bot:MaxTurnsInProgress must be at least 1.";
        for (var i = 0; i < AllowedCallers.Length; i++)
        {
            if (!Guid.TryParse(AllowedCallers[i], out _))
            {
                yield return $"Bot:AllowedCallers:{i} '{AllowedCallers[i]}' is not a GUID. List the application (client) IDs of the callers, as the host logs them (\"first request from caller app id …\").";
            }
        }
        foreach (var problem in TrustedServiceUrls.Validate(AllowedServiceHosts)) yield return problem;
    }
}
