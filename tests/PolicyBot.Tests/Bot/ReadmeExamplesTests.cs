using System.Text.RegularExpressions;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// The example questions the README quotes are sent to the bot as a worker would type them, and each one
/// opens the situation it stands for. The examples are read from README.md itself: every phrase of four words
/// or more in *italics* or "double quotes" that the matcher finds a topic for. Each must be listed in
/// <see cref="Destinations"/>, so a new or reworded example fails here until someone says where it must lead.
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class ReadmeExamplesTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    /// <summary>Where each example must lead: the situation whose question the first reply asks.</summary>
    private static readonly Dictionary<string, string> Destinations = new(StringComparer.Ordinal)
    {
        [Key("someone posted a hostile comment on our page")] = "hostile-comment",
        [Key("quelqu'un a publié un commentaire hostile sur notre page")] = "hostile-comment",
        [Key("quelqu'un a publié l'adresse d'une femme dans un commentaire")] = "identifying-info-comment",
        [Key("someone posted a woman's address in a comment")] = "identifying-info-comment",
    };

    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public static TheoryData<string> Examples() => [.. ReadmeQuestions()];

    [Fact]
    public void TheReadme_QuotesExampleQuestionsAndEachOneHasADestination()
    {
        var examples = ReadmeQuestions();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => Assert.True(Destinations.ContainsKey(Key(example)),
            $"README.md quotes \"{example}\" as a question: add to ReadmeExamplesTests.Destinations the situation it must open."));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AReadmeExample_OpensTheSituationItStandsFor(string example)
    {
        Assert.True(Destinations.TryGetValue(Key(example), out var situationId), $"no destination for \"{example}\"");
        var situation = Content.Situation(situationId);
        var language = QuestionLanguage.Detect(example, Language.En);
        Activity? reply = null;

        await _bot.Flow(_bot.Adapter(locale: language == Language.Fr ? "fr-CA" : "en-CA")).Send(example).AssertReply(r => reply = r).StartTestAsync();

        var visible = CardReader.VisibleText(reply!);
        Assert.Contains(situation.Title(language), visible);
        Assert.Contains(situation.Questions, q => visible.Contains(q.Text(language), StringComparison.Ordinal));
    }

    /// <summary>The phrases README.md quotes (italics or double quotes, outside code) that read as a question about a topic.</summary>
    private static List<string> ReadmeQuestions()
    {
        var readme = File.ReadAllText(Path.Combine(RoutingSets.RepositoryRoot(), "README.md"));
        readme = InlineCode().Replace(CodeBlock().Replace(readme, " "), " ");
        return Quoted().Matches(readme)
            .Select(m => Spaces().Replace(m.Groups["italic"].Success ? m.Groups["italic"].Value : m.Groups["quoted"].Value, " ").Trim())
            .Where(text => Words().Count(text) >= 4)
            .Where(text => SharedMatching.Matcher(ContentLibrary.Default).Match(text, QuestionLanguage.Detect(text, Language.En)).Confidence != MatchConfidence.None)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Case, apostrophes, spacing and final punctuation aside.</summary>
    private static string Key(string text) =>
        Spaces().Replace(text.Replace('’', '\'').ToLowerInvariant(), " ").Trim().TrimEnd('.', '?', '!', ' ');

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    // An italic span or a quoted phrase may wrap onto the next line, but not across a blank line.
    [GeneratedRegex(@"(?<![*\w])\*(?!\*)(?<italic>[^*\n]+(?:\n[^*\n]+)*?)\*(?![*\w])|""(?<quoted>[^""\n]+(?:\n[^""\n]+)*?)""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Words();
}
