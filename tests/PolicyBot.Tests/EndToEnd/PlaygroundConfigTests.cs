using System.Text.RegularExpressions;
using PolicyBot.Tests.Deployment;

namespace PolicyBot.Tests.EndToEnd;

/// <summary>
/// What a newcomer needs to try the bot in the Agents Playground is in the repository and agrees with the
/// README: the Playground's configuration gives its user a GUID object id, the README makes exactly that
/// user a manager, and nothing the README tells her to read lies outside the repository.
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class PlaygroundConfigTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void ThePlaygroundsUser_HasAnEntraObjectIdThatIsAGuid() =>
        Assert.True(Guid.TryParseExact(PlaygroundConfig.CurrentUserObjectId, "D", out _), PlaygroundConfig.CurrentUserObjectId);

    [Fact]
    public void TheReadme_MakesThePlaygroundsUserAManager_WithACommandThatStartsTheBot()
    {
        var id = PlaygroundConfig.CurrentUserObjectId;
        Assert.Contains($"dotnet run --project src/PolicyBot.Web -- --PolicyBot:Managers:0 {id}\n", Readme, StringComparison.Ordinal);
        Assert.Contains("my policy", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadme_MentionsTheBotByTheNameThePlaygroundGivesIt() =>
        Assert.Contains($"`@{PlaygroundConfig.BotName} menu`", Readme, StringComparison.Ordinal);

    [Fact]
    public void EveryNameInThePlaygroundsConfiguration_IsObviouslyInvented()
    {
        var names = NameLines().Matches(PlaygroundConfig.Text).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.True(names.Count >= 8, $"Only {names.Count} names found.");
        Assert.All(names, n => Assert.Matches("^(Test( .+)?|Manager|Worker [A-E]|PolicyBot|Group Chat|Announcements)$", n));
        Assert.All(EmailLines().Matches(PlaygroundConfig.Text).Select(m => m.Groups[1].Value), e => Assert.EndsWith("@example.com", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("cards/README.md")]
    [InlineData("src/PolicyBot/Knowledge/Content/README.md")]
    public void TheDocs_PointToNothingOutsideTheRepository(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
        Assert.DoesNotContain("probe-web", text, StringComparison.Ordinal);
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups[1].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#')) continue;
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(RepoPaths.Root, file))!, target.Split('#')[0]));
            Assert.StartsWith(Path.GetFullPath(RepoPaths.Root), path, StringComparison.Ordinal);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{file} links to {target}, which does not exist.");
        }
    }

    [GeneratedRegex(@"^\s*(?:name|givenName|surname):\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex NameLines();

    [GeneratedRegex(@"^\s*(?:email|userPrincipleName):\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex EmailLines();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
