using BotFramework.Text;

namespace PolicyBot.Conversation;

/// <summary>How a typed command is compared with the command words: case, accents, apostrophes, extra spaces and end punctuation do not count.</summary>
public static class CommandText
{
    public static string Normalize(string text) =>
        TextNormalizer.Normalize(text, TextFolding.Apostrophes | TextFolding.Case | TextFolding.Accents | TextFolding.Spaces | TextFolding.EndPunctuation);
}
