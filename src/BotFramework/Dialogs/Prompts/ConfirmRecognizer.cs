using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Text;

namespace BotFramework.Dialogs.Prompts;

/// <summary>
/// Understands yes and no, in French and English: whole answers ("oui", "nope", "pas maintenant"),
/// answers that start with one ("yes please", "non merci, ça ira"), "1"/"2" for yes/no, and card
/// submits <c>{"confirm": true|false}</c> or <c>{"choice": "yes"|"no"}</c>. An answer that says both is
/// not recognised. "Cancel"/"annuler" are deliberately not a "no": the question may be "cancel it?".
/// </summary>
public static class ConfirmRecognizer
{
    public const string SubmitProperty = "confirm";

    private static readonly string[][] YesPhrases = Phrases(
        "yes", "yeah", "yep", "yup", "ok", "okay", "sure", "of course", "certainly", "absolutely", "definitely",
        "go ahead", "yes please", "right", "correct", "true",
        "oui", "ouais", "ouaip", "ouep", "d accord", "dac", "bien sur", "certainement", "absolument",
        "volontiers", "tout a fait", "evidemment", "exact", "exactement", "vas y", "allez y");

    private static readonly string[][] NoPhrases = Phrases(
        "no", "nope", "nah", "not now", "no thanks", "not really", "never", "false",
        "non", "pas maintenant", "non merci", "pas du tout", "jamais", "surtout pas", "pas vraiment");

    // Single letters only count as the whole answer: "n importe quoi" is not a "no".
    private static readonly HashSet<string> YesLetters = new(StringComparer.Ordinal) { "y", "o", "k" };
    private static readonly HashSet<string> NoLetters = new(StringComparer.Ordinal) { "n" };

    /// <summary>Yes (true), no (false), or not understood (null), from a message's submit data or text.</summary>
    public static bool? Recognize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is { } value && RecognizeSubmit(value) is { } submitted) return submitted;
        return Recognize(activity.Text);
    }

    /// <summary>Yes or no from card submit data: <c>{"confirm": true}</c>, <c>{"confirm": "no"}</c>, <c>{"choice": "yes"}</c>.</summary>
    public static bool? RecognizeSubmit(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in (ReadOnlySpan<string>)[SubmitProperty, ChoiceRecognizer.SubmitProperty])
        {
            if (!value.TryGetProperty(name, out var answer)) continue;
            switch (answer.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.String: return Recognize(answer.GetString());
            }
        }
        return null;
    }

    /// <summary>Yes (true), no (false), or not understood (null).</summary>
    public static bool? Recognize(string? text)
    {
        var tokens = TextNormalizer.Words(text);
        if (tokens.Length == 0) return null;

        if (tokens.Length == 1)
        {
            if (YesLetters.Contains(tokens[0]) || tokens[0] == "1") return true;
            if (NoLetters.Contains(tokens[0]) || tokens[0] == "2") return false;
        }

        var yes = LeadingPhraseLength(tokens, YesPhrases);
        var no = LeadingPhraseLength(tokens, NoPhrases);
        if (yes > 0 && no == 0 && !Contains(tokens.AsSpan(yes), NoPhrases)) return true;
        if (no > 0 && yes == 0 && !Contains(tokens.AsSpan(no), YesPhrases)) return false;
        return null;
    }

    private static int LeadingPhraseLength(string[] tokens, string[][] phrases)
    {
        var longest = 0;
        foreach (var phrase in phrases)
        {
            if (phrase.Length > longest && tokens.AsSpan().StartsWith(phrase)) longest = phrase.Length;
        }
        return longest;
    }

    private static bool Contains(ReadOnlySpan<string> tokens, string[][] phrases)
    {
        for (var start = 0; start < tokens.Length; start++)
        {
            if (LeadingPhraseLength(tokens[start..].ToArray(), phrases) > 0) return true;
        }
        return false;
    }

    private static string[][] Phrases(params string[] phrases) => [.. phrases.Select(p => p.Split(' '))];
}
