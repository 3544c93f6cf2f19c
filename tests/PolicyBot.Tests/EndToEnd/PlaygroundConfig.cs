using System.Text.RegularExpressions;
using PolicyBot.Tests.Deployment;

namespace PolicyBot.Tests.EndToEnd;

/// <summary>
/// The repository's <c>.m365agentsplayground.yml</c>: the invented tenant the Agents Playground simulates
/// when it is started from the repository's root, read just far enough to know its user and its bot.
/// </summary>
internal static partial class PlaygroundConfig
{
    public static string Path { get; } = System.IO.Path.Combine(RepoPaths.Root, ".m365agentsplayground.yml");

    public static string Text => File.ReadAllText(Path);

    /// <summary>The Entra object id of the person at the keyboard (<c>currentUser.aadObjectId</c>).</summary>
    public static string CurrentUserObjectId => Field(Section("currentUser"), "aadObjectId");

    /// <summary>The bot's display name, which the mention picker lists.</summary>
    public static string BotName => Field(Section("bot"), "name");

    /// <summary>The lines of a top-level section, up to the next one.</summary>
    public static string Section(string name)
    {
        var match = Regex.Match(Text, $@"^{Regex.Escape(name)}:\s*\n((?:[ \t]+.*\n?)*)", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"{Path} has no {name} section.");
    }

    public static string Field(string section, string name)
    {
        var match = Regex.Match(section, $@"^\s+{Regex.Escape(name)}:\s*(\S.*?)\s*$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim('"') : throw new InvalidOperationException($"No {name} in:\n{section}");
    }
}
