using System.Globalization;
using System.Text;

namespace PolicyBot.Bot;

/// <summary>The words that work at any moment, in French and in English.</summary>
public enum Command
{
    None,
    Help,
    Menu,
    Cancel,
    StartOver,
    French,
    English,
    Privacy,
    ForgetMe,
    Onboarding,
    OnboardingContinue,
    OnboardingRestart,
    OnboardingProgress,
    OnboardingReport,
}

public static class Commands
{
    private static readonly Dictionary<string, Command> Words = new(StringComparer.Ordinal)
    {
        ["help"] = Command.Help, ["aide"] = Command.Help, ["?"] = Command.Help,
        ["menu"] = Command.Menu, ["situations"] = Command.Menu,
        ["cancel"] = Command.Cancel, ["annuler"] = Command.Cancel, ["annule"] = Command.Cancel, ["stop"] = Command.Cancel, ["arreter"] = Command.Cancel,
        ["start over"] = Command.StartOver, ["restart"] = Command.StartOver, ["recommencer"] = Command.StartOver, ["recommence"] = Command.StartOver, ["reset"] = Command.StartOver,
        ["francais"] = Command.French, ["french"] = Command.French, ["en francais"] = Command.French,
        ["english"] = Command.English, ["anglais"] = Command.English, ["in english"] = Command.English, ["en anglais"] = Command.English,
        ["what do you keep about me"] = Command.Privacy, ["what do you keep"] = Command.Privacy, ["what do you store"] = Command.Privacy, ["privacy"] = Command.Privacy,
        ["que gardes-tu sur moi"] = Command.Privacy, ["que gardes tu sur moi"] = Command.Privacy, ["ce que tu gardes sur moi"] = Command.Privacy,
        ["qu'est-ce que tu gardes"] = Command.Privacy, ["qu'est-ce que tu gardes sur moi"] = Command.Privacy, ["confidentialite"] = Command.Privacy,
        ["forget me"] = Command.ForgetMe, ["oublie-moi"] = Command.ForgetMe, ["oublie moi"] = Command.ForgetMe, ["oubliez-moi"] = Command.ForgetMe, ["delete my data"] = Command.ForgetMe,
        ["onboarding"] = Command.Onboarding, ["formation"] = Command.Onboarding,
        ["continue"] = Command.OnboardingContinue, ["continuer"] = Command.OnboardingContinue, ["continue onboarding"] = Command.OnboardingContinue, ["continuer la formation"] = Command.OnboardingContinue,
        ["restart onboarding"] = Command.OnboardingRestart, ["recommencer la formation"] = Command.OnboardingRestart,
        ["onboarding progress"] = Command.OnboardingProgress, ["progression"] = Command.OnboardingProgress, ["ma progression"] = Command.OnboardingProgress, ["progression de formation"] = Command.OnboardingProgress,
        ["my progress"] = Command.OnboardingProgress, ["progress"] = Command.OnboardingProgress,
        ["onboarding report"] = Command.OnboardingReport, ["rapport de formation"] = Command.OnboardingReport,
    };

    /// <summary>The command the whole message is, ignoring case, accents and end punctuation; else None.</summary>
    public static Command Recognize(string? text) =>
        text is null ? Command.None : Words.GetValueOrDefault(Normalize(text), Command.None);

    internal static string Normalize(string text)
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
