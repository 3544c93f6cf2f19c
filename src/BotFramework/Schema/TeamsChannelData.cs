namespace BotFramework.Schema;

/// <summary>The parts of Teams' <c>channelData</c> the bot reads; everything else round-trips untouched.</summary>
public class TeamsChannelData : ExtensibleObject
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }
    public string? EventType { get; set; }
    public TeamsChannelDataSettings? Settings { get; set; }
    public NotificationInfo? Notification { get; set; }
}

public class TenantInfo : ExtensibleObject
{
    public string? Id { get; set; }
}

public class TeamInfo : ExtensibleObject
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public class ChannelInfo : ExtensibleObject
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

public class TeamsChannelDataSettings : ExtensibleObject
{
    public ChannelInfo? SelectedChannel { get; set; }
}

public class NotificationInfo : ExtensibleObject
{
    public bool? Alert { get; set; }
}
