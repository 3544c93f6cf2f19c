using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotFramework.Schema;

/// <summary>
/// One Bot Framework activity, as Teams and Azure Bot Service send it. Only the members the bot
/// uses are modelled; unknown properties are kept in <see cref="ExtensibleObject.Properties"/>.
/// </summary>
public class Activity : ExtensibleObject
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? InputHint { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }

    /// <summary><c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }

    /// <summary>Card submit data, or the payload of an invoke.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Invoke and event name, such as <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public static Activity CreateTyping() => new() { Type = ActivityTypes.Typing };

    /// <summary>Teams' channel data, read-only view (tenant, team, channel, event type).</summary>
    public TeamsChannelData? GetTeamsChannelData() =>
        ChannelData is { ValueKind: JsonValueKind.Object } data ? data.Deserialize<TeamsChannelData>(BotJson.Options) : null;

    /// <summary>The tenant of the activity: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    public string? GetTenantId()
    {
        if (!string.IsNullOrEmpty(Conversation?.TenantId)) return Conversation.TenantId;
        if (ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }
        return null;
    }

    /// <summary>The locale of the client: <c>locale</c>, else the <c>clientInfo</c> entity's.</summary>
    public string? GetLocale() =>
        !string.IsNullOrEmpty(Locale)
            ? Locale
            : Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Locale;

    /// <summary>Whether this activity mentions <paramref name="accountId"/> (by its mention entities, never by text).</summary>
    public bool Mentions(string? accountId) =>
        accountId is not null && Entities?.Any(e => e.IsMention && e.Mentioned?.Id == accountId) == true;

    /// <summary>
    /// Removes every @mention of <paramref name="accountId"/> (with the spaces and tabs around it) from <see cref="Text"/>
    /// and trims it. Matches the entity's markup, and the <c>&lt;at&gt;name&lt;/at&gt;</c> form, case-insensitively.
    /// The rest of the text, line breaks included, is left as the user typed it. Plain string search, no
    /// regular expression: its cost is linear in the text for each distinct markup, whatever the text holds.
    /// </summary>
    public string? RemoveMentionText(string? accountId)
    {
        if (Text is null || accountId is null || Entities is null) return Text;
        var markups = Entities.Where(e => e.IsMention && e.Mentioned?.Id == accountId)
            .SelectMany(MentionMarkups)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var text = Text;
        var removed = false;
        foreach (var markup in markups)
        {
            var replaced = RemoveEach(text, markup);
            if (ReferenceEquals(replaced, text)) continue;
            text = replaced;
            removed = true;
        }
        if (removed) Text = text.Trim();
        return Text;
    }

    // Each occurrence of markup, with the blanks around it, becomes one space.
    private static string RemoveEach(string text, string markup)
    {
        var at = text.IndexOf(markup, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return text;
        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (at >= 0)
        {
            var start = at;
            while (start > copied && text[start - 1] is ' ' or '\t') start--;
            var end = at + markup.Length;
            while (end < text.Length && text[end] is ' ' or '\t') end++;
            result.Append(text, copied, start - copied).Append(' ');
            copied = end;
            at = end < text.Length ? text.IndexOf(markup, end, StringComparison.OrdinalIgnoreCase) : -1;
        }
        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    private static IEnumerable<string> MentionMarkups(Entity mention)
    {
        if (!string.IsNullOrEmpty(mention.Text)) yield return mention.Text;
        var name = mention.Mentioned?.Name;
        if (!string.IsNullOrEmpty(name))
        {
            yield return $"<at>{name}</at>";
            yield return $"<at>@{name}</at>";
        }
    }

    /// <summary>Addresses <paramref name="outgoing"/> as a reply to this activity, keeping what it already set.</summary>
    public void ApplyReplyAddressing(Activity outgoing)
    {
        outgoing.ChannelId ??= ChannelId;
        outgoing.ServiceUrl ??= ServiceUrl;
        outgoing.Conversation ??= Conversation;
        outgoing.From ??= Recipient;
        outgoing.Recipient ??= From;
        outgoing.Locale ??= Locale;
        if (outgoing.ReplyToId is null && outgoing.Type != ActivityTypes.Typing) outgoing.ReplyToId = Id;
    }

    /// <summary>
    /// The activity of a turn that continues a conversation outside any incoming activity (an event named
    /// <c>ContinueConversation</c>, with no id, so what it sends is not a reply).
    /// </summary>
    public static Activity CreateContinuation(ConversationReference reference) => new()
    {
        Type = ActivityTypes.Event,
        Name = "ContinueConversation",
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Conversation = reference.Conversation,
        From = reference.User,
        Recipient = reference.Bot,
        Locale = reference.Locale,
    };

    /// <summary>True for a message that carries card submit data and no typed text.</summary>
    [JsonIgnore]
    public bool IsCardSubmit =>
        Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(Text) && Value is { ValueKind: JsonValueKind.Object };

    /// <summary>A copy made through the wire format (so nothing unknown is lost and nothing is shared).</summary>
    public Activity Clone() => JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(this, BotJson.Options), BotJson.Options)!;
}
