namespace BotFramework.Schema;

public class Attachment : ExtensibleObject
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }

    /// <summary>The card or file payload; a <see cref="System.Text.Json.Nodes.JsonNode"/> or any serialisable object outbound, a JsonElement inbound.</summary>
    public object? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    public static Attachment AdaptiveCard(object card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
