using System.Text.Json.Nodes;

namespace BotFramework.Dialogs;

/// <summary>One dialog on the stack: which dialog it is, and its own JSON state.</summary>
public sealed class DialogInstance
{
    public DialogInstance() { }

    public DialogInstance(string id) => Id = id;

    public string Id { get; set; } = "";

    public JsonObject State { get; set; } = new();
}
