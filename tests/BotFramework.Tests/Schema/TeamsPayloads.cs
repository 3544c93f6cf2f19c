namespace BotFramework.Tests.Schema;

/// <summary>Activities as Teams delivers them, written out as JSON so tests start from the wire format.</summary>
internal static class TeamsPayloads
{
    public const string TenantId = "3f0c6a2e-8d0b-4b8f-bb43-0d3e2c5a9e77";
    public const string BotId = "28:6b3c9b38-4a4e-4d2f-9a57-1f0e5e1f2a11";
    public const string UserId = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWV5sQ";
    public const string ThreadId = "19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2;messageid=1740819600000";

    /// <summary>
    /// A channel message that @mentions the bot, with Teams' channel data, a clientInfo entity, the HTML
    /// copy of the text as an attachment, a card-submit value, and properties this library does not model
    /// (top level and nested, including inside channelData and entities).
    /// </summary>
    public const string ChannelMention = $$"""
    {
      "text": "<at>PolicyBot</at> post hostile",
      "textFormat": "plain",
      "attachments": [
        {
          "contentType": "text/html",
          "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">PolicyBot</span> post hostile</div></div>"
        }
      ],
      "type": "message",
      "timestamp": "2025-03-01T09:00:00.123Z",
      "localTimestamp": "2025-03-01T10:00:00.123+01:00",
      "id": "1740819600123",
      "channelId": "msteams",
      "serviceUrl": "https://smba.trafficmanager.net/emea/{{TenantId}}/",
      "from": {
        "id": "{{UserId}}",
        "name": "Alex Wilber",
        "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000001",
        "userRole": "user"
      },
      "conversation": {
        "isGroup": true,
        "conversationType": "channel",
        "tenantId": "{{TenantId}}",
        "id": "{{ThreadId}}",
        "threadType": "tacv2"
      },
      "recipient": { "id": "{{BotId}}", "name": "PolicyBot" },
      "entities": [
        {
          "mentioned": { "id": "{{BotId}}", "name": "PolicyBot" },
          "text": "<at>PolicyBot</at>",
          "type": "mention"
        },
        {
          "locale": "en-GB",
          "country": "GB",
          "platform": "Web",
          "timezone": "Europe/London",
          "type": "clientInfo"
        }
      ],
      "channelData": {
        "teamsChannelId": "19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2",
        "teamsTeamId": "19:0f1e2d3c4b5a69788796a5b4c3d2e1f0@thread.tacv2",
        "channel": { "id": "19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2", "name": "Reports", "type": "standard" },
        "team": { "id": "19:0f1e2d3c4b5a69788796a5b4c3d2e1f0@thread.tacv2", "name": "Trust & Safety", "aadGroupId": "d9c8b7a6-0000-4000-8000-000000000002" },
        "tenant": { "id": "{{TenantId}}" },
        "settings": { "selectedChannel": { "id": "19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2" } },
        "onBehalfOf": [],
        "source": { "name": "compose" },
        "futureChannelField": { "level": 2, "flags": [true, false] }
      },
      "locale": "en-GB",
      "localTimezone": "Europe/London",
      "value": { "verb": "report", "data": { "severity": 3, "ratio": 2.50, "tags": ["spam", "abuse"], "note": null } },
      "futureTopLevel": { "nested": [1, 2.5, true, null, "x", { "deep": { "deeper": "é ü 🙂 <b>&amp;</b>" } }] },
      "legacyFlag": false
    }
    """;
}
