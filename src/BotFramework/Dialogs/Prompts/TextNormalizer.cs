using System.Globalization;
using System.Text;

namespace BotFramework.Dialogs.Prompts;

/// <summary>
/// Turns what a user typed into comparable words: lower case, accents folded (é→e, œ→oe),
/// punctuation and symbols as spaces, runs of spaces collapsed.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            AppendFolded(builder, char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static string[] Tokenize(string? text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'œ': builder.Append("oe"); break;
            case 'æ': builder.Append("ae"); break;
            case 'ß': builder.Append("ss"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ': builder.Append('d'); break;
            default: builder.Append(c); break;
        }
    }
}
