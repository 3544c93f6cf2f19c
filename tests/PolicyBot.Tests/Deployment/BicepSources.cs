using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Deployment;

/// <summary>The Bicep files under deploymentTemplates/, read as text with comments removed.</summary>
internal static partial class BicepSources
{
    public static string Main => Read("main.bicep");

    public static string Module(string name) => Read(Path.Combine("modules", name + ".bicep"));

    /// <summary>Every .bicep file, concatenated.</summary>
    public static string All =>
        string.Join("\n", Directory
            .EnumerateFiles(RepoPaths.DeploymentTemplates, "*.bicep", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => StripComments(File.ReadAllText(f))));

    private static string Read(string relativePath) =>
        StripComments(File.ReadAllText(Path.Combine(RepoPaths.DeploymentTemplates, relativePath)));

    // A commented-out property must not count as present. "//" inside 'https://...' strings has no
    // whitespace before it, so only whole-line and space-preceded comments are removed.
    private static string StripComments(string text) =>
        TrailingComment().Replace(LineComment().Replace(BlockComment().Replace(text, ""), ""), "");

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"^[ \t]*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"[ \t]+//.*$", RegexOptions.Multiline)]
    private static partial Regex TrailingComment();
}
