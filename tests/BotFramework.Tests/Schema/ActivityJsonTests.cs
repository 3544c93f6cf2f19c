using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;

namespace BotFramework.Tests.Schema;

[Trait("Category", "Fast")]
public sealed class ActivityJsonTests
{
    [Fact]
    public void TeamsChannelMessage_RoundTrip_KeepsEveryProperty()
    {
        var activity = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;

        var written = WireJson.Serialize(activity);

        // Timestamps are DateTimeOffsets: the same instant and offset come back, though UTC is written "+00:00" rather than "Z".
        AssertSameJson(TeamsPayloads.ChannelMention, written, dateTimePaths: ["$.timestamp", "$.localTimestamp"]);
    }

    [Fact]
    public void TeamsChannelMessage_SecondRoundTrip_IsByteForByteTheFirst()
    {
        var once = WireJson.Serialize(WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!);

        var twice = WireJson.Serialize(WireJson.Deserialize<Activity>(once)!);

        Assert.Equal(once, twice);
    }

    [Fact]
    public void TeamsChannelMessage_Deserialises_TheModelledMembers()
    {
        var activity = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1740819600123", activity.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(Channels.MsTeams, activity.ChannelId);
        Assert.Equal(TeamsPayloads.UserId, activity.From!.Id);
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", activity.From.AadObjectId);
        Assert.Equal("user", activity.From.Properties!["userRole"].GetString());
        Assert.Equal(TeamsPayloads.ThreadId, activity.Conversation!.Id);
        Assert.Equal("channel", activity.Conversation.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("tacv2", activity.Conversation.Properties!["threadType"].GetString());
        Assert.Equal(TeamsPayloads.BotId, activity.Recipient!.Id);
        Assert.Equal(["mention", "clientInfo"], activity.Entities!.Select(e => e.Type));
        Assert.Equal("Europe/London", activity.Entities![1].Properties!["timezone"].GetString());
        Assert.Equal("text/html", Assert.Single(activity.Attachments!).ContentType);
        Assert.Equal(JsonValueKind.Object, activity.Value!.Value.ValueKind);
        Assert.Equal("report", activity.Value.Value.GetProperty("verb").GetString());
        Assert.Equal(["futureTopLevel", "legacyFlag"], activity.Properties!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TeamsChannelData_ReadsTenantTeamAndChannel_AndKeepsTheRest()
    {
        var activity = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;

        var data = activity.GetTeamsChannelData()!;

        Assert.Equal(TeamsPayloads.TenantId, data.Tenant!.Id);
        Assert.Equal("Trust & Safety", data.Team!.Name);
        Assert.Equal("d9c8b7a6-0000-4000-8000-000000000002", data.Team.AadGroupId);
        Assert.Equal("Reports", data.Channel!.Name);
        Assert.Equal("standard", data.Channel.Properties!["type"].GetString());
        Assert.Equal("19:c5b2a8b6d5e04b8a9a1b2f0d3e4c5a6b@thread.tacv2", data.Settings!.SelectedChannel!.Id);
        Assert.Equal(["futureChannelField", "onBehalfOf", "source", "teamsChannelId", "teamsTeamId"], data.Properties!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UtcTimestamp_WrittenWithZ_IsReadAsTheSameInstant()
    {
        var activity = WireJson.Deserialize<Activity>("""{"type":"message","timestamp":"2025-03-01T09:00:00.123Z"}""")!;

        var again = WireJson.Deserialize<Activity>(WireJson.Serialize(activity))!;

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, 123, TimeSpan.Zero), again.Timestamp);
        Assert.Equal(TimeSpan.Zero, again.Timestamp!.Value.Offset);
    }

    [Fact]
    public void OutgoingMessage_OmitsUnsetMembers()
    {
        var json = WireJson.Serialize(Activity.CreateMessage("Thanks, I filed it."));

        Assert.Equal("""{"type":"message","text":"Thanks, I filed it."}""", json);
    }

    [Fact]
    public void Clone_IsEqualOnTheWire_AndSharesNothing()
    {
        var original = WireJson.Deserialize<Activity>(TeamsPayloads.ChannelMention)!;
        var before = WireJson.Serialize(original);

        var clone = original.Clone();
        AssertSameJson(before, WireJson.Serialize(clone));

        clone.Text = "changed";
        clone.From!.Name = "Somebody Else";
        clone.From.Properties!["userRole"] = JsonSerializer.SerializeToElement("admin");
        clone.Conversation!.Id = "a:another";
        clone.Entities!.RemoveAt(0);
        clone.Entities[0].Locale = "fr-FR";
        clone.Attachments!.Clear();
        clone.Properties!.Remove("legacyFlag");
        clone.Recipient = null;

        Assert.NotSame(original.From, clone.From);
        Assert.Equal(before, WireJson.Serialize(original));
    }

    [Fact]
    public void Clone_OfAnOutgoingCard_TurnsItsContentIntoIndependentJson()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Report filed" }) };
        var message = Activity.CreateMessage();
        message.Attachments = [Attachment.AdaptiveCard(card)];

        var clone = message.Clone();
        card["version"] = "1.6";

        var content = Assert.IsType<JsonElement>(Assert.Single(clone.Attachments!).Content);
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        Assert.Equal("Report filed", content.GetProperty("body")[0].GetProperty("text").GetString());
    }

    /// <summary>Asserts two JSON texts are the same tree (property order aside); values at <paramref name="dateTimePaths"/> compare as instants with their offsets.</summary>
    internal static void AssertSameJson(string expected, string actual, string[]? dateTimePaths = null)
    {
        var differences = new List<string>();
        Compare("$", JsonNode.Parse(expected), JsonNode.Parse(actual), differences, dateTimePaths ?? []);
        Assert.True(differences.Count == 0, "The JSON differs:\n" + string.Join("\n", differences));
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences, string[] dateTimePaths)
    {
        if (dateTimePaths.Contains(path) && expected is JsonValue && actual is JsonValue)
        {
            var e = DateTimeOffset.Parse(expected.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var a = DateTimeOffset.Parse(actual.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            if (e != a || e.Offset != a.Offset) differences.Add($"{path}: expected {expected.ToJsonString()}, got {actual.ToJsonString()}");
            return;
        }

        switch (expected)
        {
            case null:
                if (actual is not null) differences.Add($"{path}: expected null, got {actual.ToJsonString()}");
                return;
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(name)) differences.Add($"{path}.{name}: missing");
                    else Compare($"{path}.{name}", value, actualObject[name], differences, dateTimePaths);
                }
                foreach (var (name, value) in actualObject)
                {
                    if (!expectedObject.ContainsKey(name)) differences.Add($"{path}.{name}: unexpected {value?.ToJsonString()}");
                }
                return;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    differences.Add($"{path}: expected {expectedArray.Count} items, got {actualArray.Count}");
                    return;
                }
                for (var i = 0; i < expectedArray.Count; i++) Compare($"{path}[{i}]", expectedArray[i], actualArray[i], differences, dateTimePaths);
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual)) differences.Add($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}");
                return;
        }
    }
}
