using System.Globalization;
using System.Text;

namespace PolicyBot.Conversation;

/// <summary>How a typed command is compared with the command words: case, accents, extra spaces and end punctuation do not count.</summary>
public static class CommandText
{
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        return string.Join(' ', sb.ToString().TrimEnd('.', '!', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
