namespace BotFramework.Dialogs;

/// <summary>
/// The persisted dialog stack, stored as <c>{"dialogStack":[{"id":…,"state":{…}}]}</c>; the active
/// dialog is first.
/// </summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}
