using System.Globalization;
using System.Text;

namespace BotFramework.Text;

/// <summary>
/// The one place where text is made comparable: which characters count as apostrophes, how accents and
/// ligatures fold, what separates words. Each caller says what it folds (<see cref="TextFolding"/>), so a
/// command word, a topic title, a choice and an excerpt of a document each keep their own rule.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The characters read as an apostrophe, besides <c>'</c> itself (for analyzers that map characters on their own).</summary>
    public static IReadOnlyList<char> Apostrophes { get; } = ['\u2019', '\u2018', '\u02BC', '\uFF07', '`', '\u00B4'];

    /// <summary>Folds <paramref name="text"/> as <paramref name="folding"/> says; null is empty.</summary>
    public static string Normalize(string? text, TextFolding folding)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var accents = folding.HasFlag(TextFolding.Accents);
        var punctuation = folding.HasFlag(TextFolding.Punctuation);
        var keepHyphens = folding.HasFlag(TextFolding.KeepHyphens);
        var apostrophes = folding.HasFlag(TextFolding.Apostrophes);
        var spaces = punctuation || folding.HasFlag(TextFolding.Spaces);
        if (folding.HasFlag(TextFolding.Case)) text = text.ToLowerInvariant();
        if (accents) text = text.Normalize(NormalizationForm.FormD);

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var typed in text)
        {
            var c = apostrophes && Apostrophes.Contains(typed) ? '\'' : typed;
            if (accents && IsMark(c)) continue;
            if (punctuation && !char.IsLetterOrDigit(c) && !(keepHyphens && c == '-')) c = ' ';
            if (spaces && char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            if (accents && Spelt(c) is { } plain) builder.Append(plain);
            else builder.Append(c);
        }
        if (folding.HasFlag(TextFolding.EndPunctuation)) TrimEnd(builder);
        var folded = builder.ToString();
        return accents ? folded.Normalize(NormalizationForm.FormC) : folded;
    }

    /// <summary>The words of <paramref name="text"/>: lower case, accents and apostrophes folded, split at anything that is not a letter or a digit.</summary>
    public static string[] Words(string? text) =>
        Normalize(text, TextFolding.Apostrophes | TextFolding.Case | TextFolding.Accents | TextFolding.Punctuation).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Letters that canonical decomposition leaves whole, in plain letters.</summary>
    private static string? Spelt(char c) => c switch
    {
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        'ß' => "ss",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' => "d",
        'Đ' => "D",
        _ => null,
    };

    /// <summary>Drops end punctuation and the spaces around it.</summary>
    private static void TrimEnd(StringBuilder builder)
    {
        while (builder.Length > 0 && (builder[^1] is '.' or '!' || char.IsWhiteSpace(builder[^1]))) builder.Length--;
    }
}
