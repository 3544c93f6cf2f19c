using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BotFramework.Schema;
using BotFramework.Text;

namespace BotFramework.Dialogs.Prompts;

/// <summary>
/// Finds which choice a user meant. In order: a card submit <c>{"choice": value}</c>; the text
/// equal to a value, title or synonym (ignoring case, accents, punctuation and spacing); a number
/// or ordinal ("2", "#2", "option 2", "the second one", "la deuxième", "last"); then a fuzzy
/// match on words, taken only when one choice is the unique best. French and English.
/// </summary>
public static partial class ChoiceRecognizer
{
    /// <summary>The property of a card's submit data that names the chosen value.</summary>
    public const string SubmitProperty = "choice";

    /// <summary>What does not count when a typed answer is compared with a choice: case, accents, apostrophes, punctuation, spacing.</summary>
    private const TextFolding Folding = TextFolding.Apostrophes | TextFolding.Case | TextFolding.Accents | TextFolding.Punctuation;

    private static readonly HashSet<string> IndexFillers = new(StringComparer.Ordinal)
    {
        "the", "one", "option", "choice", "number", "no", "nr", "num", "please",
        "le", "la", "l", "un", "une", "choix", "numero", "n", "svp", "stp",
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
        ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        ["premier"] = 1, ["premiere"] = 1, ["deuxieme"] = 2, ["seconde"] = 2, ["troisieme"] = 3,
        ["quatrieme"] = 4, ["cinquieme"] = 5, ["sixieme"] = 6, ["septieme"] = 7, ["huitieme"] = 8,
        ["neuvieme"] = 9, ["dixieme"] = 10,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5,
        ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["last"] = Last, ["dernier"] = Last, ["derniere"] = Last,
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "is", "it", "i", "my", "me",
        "please", "want", "would", "like",
        "le", "la", "les", "l", "de", "des", "du", "d", "un", "une", "et", "ou", "en", "au", "aux",
        "je", "j", "mon", "ma", "mes", "pour", "sur", "avec", "svp", "stp", "veux", "voudrais",
    };

    private const int Last = -1;

    /// <summary>The choice picked by a message: its card submit data first, then its text.</summary>
    public static FoundChoice? Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is { } value && RecognizeSubmit(value, choices) is { } submitted) return submitted;
        return Recognize(activity.Text, choices);
    }

    /// <summary>The choice named by card submit data <c>{"choice": value}</c> (value compared ignoring case).</summary>
    public static FoundChoice? RecognizeSubmit(JsonElement value, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty(SubmitProperty, out var chosen)
            || chosen.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var submitted = chosen.GetString();
        for (var i = 0; i < choices.Count; i++)
        {
            if (string.Equals(choices[i].Value, submitted, StringComparison.OrdinalIgnoreCase)) return new FoundChoice(choices[i].Value, i, 1.0);
        }
        return null;
    }

    /// <summary>The choice a user's text means, or null when none (or more than one equally) fits.</summary>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var normalized = TextNormalizer.Normalize(text, Folding);
        if (normalized.Length == 0 || choices.Count == 0) return null;

        for (var i = 0; i < choices.Count; i++)
        {
            if (Names(choices[i]).Any(name => TextNormalizer.Normalize(name, Folding) == normalized)) return new FoundChoice(choices[i].Value, i, 1.0);
        }

        var tokens = normalized.Split(' ');
        if (TryParseIndex(tokens, choices.Count, out var index)) return new FoundChoice(choices[index].Value, index, 1.0);

        return RecognizeFuzzy(tokens, choices);
    }

    /// <summary>A zero-based index from "2", "#2", "2.", "option 2", "2nd", "2e", "second", "la deuxième", "the last one"…</summary>
    internal static bool TryParseIndex(IReadOnlyList<string> tokens, int count, out int index)
    {
        index = -1;
        var remaining = tokens.Count > 1 ? tokens.Where(t => !IndexFillers.Contains(t)).ToList() : [.. tokens];
        if (remaining.Count == 0) remaining = tokens.Where(NumberWords.ContainsKey).ToList();
        if (remaining.Count != 1) return false;

        var number = ParseNumber(remaining[0]);
        if (number == Last) number = count;
        if (number < 1 || number > count) return false;
        index = number - 1;
        return true;
    }

    private static int ParseNumber(string token)
    {
        if (NumberWords.TryGetValue(token, out var word)) return word;
        var match = NumeralPattern().Match(token);
        if (!match.Success) return 0;
        return int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }

    private static FoundChoice? RecognizeFuzzy(IEnumerable<string> tokens, IReadOnlyList<Choice> choices)
    {
        var typed = Keywords(tokens);
        if (typed.Count == 0) return null;

        var bestScore = 0.0;
        var bestIndex = -1;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var score = Names(choices[i]).Max(name => Overlap(typed, Keywords(TextNormalizer.Words(name))));
            if (score <= 0) continue;
            if (score > bestScore + 1e-9)
            {
                bestScore = score;
                bestIndex = i;
                tie = false;
            }
            else if (Math.Abs(score - bestScore) <= 1e-9)
            {
                tie = true;
            }
        }
        return bestIndex < 0 || tie ? null : new FoundChoice(choices[bestIndex].Value, bestIndex, Math.Round(bestScore, 3));
    }

    // All typed words are in the name (scored by how much of the name they cover), or all the
    // name's words are in the text (scored by how much of the text the name is).
    private static double Overlap(HashSet<string> typed, HashSet<string> name)
    {
        if (name.Count == 0) return 0;
        if (typed.IsSubsetOf(name)) return (double)typed.Count / name.Count;
        if (name.IsSubsetOf(typed)) return (double)name.Count / typed.Count;
        return 0;
    }

    private static HashSet<string> Keywords(IEnumerable<string> tokens) =>
        tokens.Where(t => !StopWords.Contains(t)).Select(Stem).ToHashSet(StringComparer.Ordinal);

    // Singular and plural compare equal ("policies" aside): "rules" ≈ "rule".
    private static string Stem(string token) => token.Length > 3 && token.EndsWith('s') ? token[..^1] : token;

    private static IEnumerable<string> Names(Choice choice)
    {
        yield return choice.Value;
        if (!string.IsNullOrEmpty(choice.Title)) yield return choice.Title;
        if (choice.Synonyms is null) yield break;
        foreach (var synonym in choice.Synonyms)
        {
            if (!string.IsNullOrEmpty(synonym)) yield return synonym;
        }
    }

    [GeneratedRegex(@"^(\d{1,4})(?:st|nd|rd|th|er|re|ere|e|eme|em|nde|d)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumeralPattern();
}
