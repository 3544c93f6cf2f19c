using System.Text.Json.Nodes;
using BotFramework.Tests.Authentication;

namespace BotFramework.Tests.Hosting;

/// <summary>Activities as Azure Bot Service posts them for Teams, as JSON the tests can spoil.</summary>
internal static class TeamsRequests
{
    public const string TenantId = AuthenticationScenario.TenantId;
    public const string Conversation = "a:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWV5sQ";
    public const string ConversationEscaped = "a%3A1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWV5sQ";

    public static JsonObject Message(string serviceUrl, string text = "post hostile", string id = "1740819600123", string tenantId = TenantId) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2025-03-01T09:00:00.123Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1user", ["name"] = "Alex Wilber", ["aadObjectId"] = "a1b2c3d4-0000-4000-8000-000000000001" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AuthenticationScenario.AppId, ["name"] = "PolicyBot" },
        ["conversation"] = new JsonObject { ["id"] = Conversation, ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["text"] = text,
        ["locale"] = "en-GB",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };

    public static JsonObject Invoke(string serviceUrl, string name, JsonNode? value, string id = "f:7c1e2d3a")
    {
        var invoke = Message(serviceUrl, id: id);
        invoke["type"] = "invoke";
        invoke.Remove("text");
        invoke["name"] = name;
        invoke["value"] = value;
        return invoke;
    }

    public static JsonObject With(this JsonObject activity, Action<JsonObject> change)
    {
        change(activity);
        return activity;
    }
}
