using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;

namespace BotFramework.Dialogs;

/// <summary>How dialogs keep options and values in their JSON state (always through <see cref="BotJson.Options"/>).</summary>
internal static class DialogJson
{
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), BotJson.Options),
    };

    public static T? FromNode<T>(JsonNode? node) => node switch
    {
        null => default,
        T same => same,
        _ => node.Deserialize<T>(BotJson.Options),
    };
}
