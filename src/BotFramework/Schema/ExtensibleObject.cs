using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotFramework.Schema;

/// <summary>
/// Base of every schema type: properties the bot does not model are kept here, so nothing the
/// channel sent is dropped when an object is stored or echoed back.
/// </summary>
public abstract class ExtensibleObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
