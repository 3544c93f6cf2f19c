using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotFramework.Schema;

/// <summary>
/// An entity attached to an activity: <c>mention</c>, <c>clientInfo</c> and others. Only the
/// members the bot reads are modelled; the rest stays in <see cref="ExtensibleObject.Properties"/>.
/// </summary>
public class Entity : ExtensibleObject
{
    public string? Type { get; set; }

    /// <summary><c>mention</c>: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary><c>mention</c>: the markup in the activity text, such as <c>&lt;at&gt;PolicyBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary><c>clientInfo</c>: the client's locale.</summary>
    public string? Locale { get; set; }

    [JsonIgnore]
    public bool IsMention => string.Equals(Type, "mention", StringComparison.OrdinalIgnoreCase);

    public static Entity Mention(ChannelAccount who) =>
        new() { Type = "mention", Mentioned = who, Text = $"<at>{who.Name}</at>" };
}
