using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyBot.Cards;

namespace PolicyBot.Cards;

/// <summary>
/// The shelter's own emergency instructions — a phone number and the name of its emergency procedure —
/// set by a manager in the policy editor and shown on the safety card. They are kept with the
/// organisation's decisions under <see cref="PhoneId"/> and <see cref="ProcedureId"/>, so they are versioned,
/// merged with another manager's concurrent save and listed in the history exactly like a decision.
/// A manager types them and every staff member sees them on a card, so they are checked strictly: a phone
/// number is only a phone number, and a procedure name is plain words, with no link and no formatting.
/// </summary>
public sealed partial record EmergencyInstructions(string? Phone, string? Procedure)
{
    public const string PhoneId = "emergency-phone";
    public const string ProcedureId = "emergency-procedure";
    public const int MaxPhoneLength = 40;
    public const int MaxProcedureLength = 120;

    public static IReadOnlyList<string> Ids { get; } = [PhoneId, ProcedureId];

    public static EmergencyInstructions None { get; } = new(null, null);

    public bool IsSet => Phone is not null || Procedure is not null;

    public static EmergencyInstructions From(OrganisationChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new(Usable(PhoneId, choices.For(PhoneId)), Usable(ProcedureId, choices.For(ProcedureId)));
    }

    public static int MaxLength(string id) => id == PhoneId ? MaxPhoneLength : MaxProcedureLength;

    /// <summary>
    /// Checks what a manager typed for <paramref name="id"/>. True with the value to keep (spaces trimmed and
    /// collapsed; null when empty, which clears it); false when it is not acceptable, and nothing is kept.
    /// </summary>
    public static bool TryNormalize(string id, string? typed, out string? value)
    {
        value = null;
        var text = Collapse(typed ?? "");
        if (text.Length == 0) return true;
        if (text.Length > MaxLength(id)) return false;
        var valid = id switch
        {
            PhoneId => PhoneNumber().IsMatch(text) && text.Count(char.IsAsciiDigit) >= 3,
            ProcedureId => IsPlainName(text),
            _ => false,
        };
        if (valid) value = text;
        return valid;
    }

    /// <summary>A stored value is shown only if it still passes the checks (stored data is never trusted blindly).</summary>
    private static string? Usable(string id, string? stored) =>
        TryNormalize(id, stored, out var value) ? value : null;

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Letters, digits, spaces and plain punctuation; it starts with a letter or a digit; no address of any kind.</summary>
    private static bool IsPlainName(string text)
    {
        if (!char.IsLetterOrDigit(text[0])) return false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == ' ' || AllowedPunctuation.Contains(c)) continue;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            return false;
        }
        var lower = text.ToLowerInvariant();
        return !lower.Contains("http", StringComparison.Ordinal) && !lower.Contains("www.", StringComparison.Ordinal)
            && !lower.Contains("://", StringComparison.Ordinal) && !WebAddress().IsMatch(lower);
    }

    private const string AllowedPunctuation = "'’-–,.():/«»\"!?";

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-]*[0-9](?: ?(?:poste|ext\.?|x) ?[0-9]{1,6})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhoneNumber();

    /// <summary>Something that reads as a web address ("example.ca", "aide.org/urgence").</summary>
    [GeneratedRegex(@"[a-z0-9-]\.(?:ca|com|org|net|qc|info|io|gouv|gc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();
}
