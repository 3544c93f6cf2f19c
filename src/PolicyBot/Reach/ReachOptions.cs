namespace PolicyBot.Reach;

/// <summary>What the bot sends without being asked (section <c>PolicyBot:Reach</c>).</summary>
public sealed class ReachOptions
{
    public const string SectionName = "PolicyBot:Reach";

    /// <summary>A person added to a team where the app is installed gets a personal welcome (once per person). False turns it off.</summary>
    public bool WelcomeNewTeamMembers { get; set; } = true;

    /// <summary>At most this many people invited by one manager message; more are refused with a message, none invited.</summary>
    public int MaxInvitationsPerMessage { get; set; } = 25;

    public IEnumerable<string> Validate()
    {
        if (MaxInvitationsPerMessage is < 1 or > 100)
        {
            yield return $"PolicyBot:Reach:MaxInvitationsPerMessage is {MaxInvitationsPerMessage}; set it between 1 and 100.";
        }
    }
}
