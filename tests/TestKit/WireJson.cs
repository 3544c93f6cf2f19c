using System.Text.Json;
using BotFramework.Schema;

namespace TestKit;

/// <summary>
/// Activities and state to and from JSON text with the framework's one configuration (<see cref="BotJson.Options"/>),
/// as Teams and the storage see them. The framework itself never needs text: it reads and writes streams and nodes.
/// </summary>
public static class WireJson
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, BotJson.Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, BotJson.Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, BotJson.Options);
}
