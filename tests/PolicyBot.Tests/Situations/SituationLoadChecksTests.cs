using System.Text;
using System.Text.Json.Nodes;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Situations;

/// <summary>
/// The checks the bot runs on its situations when it starts: an outcome line without a source from
/// the guide, a source that is not in the guide, or a button label too long for a phone stops the
/// bot before anyone sees it. Each test edits one real situation file and loads the content again.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SituationLoadChecksTests
{
    private const string HostileComment = "content/situations/hostile-comment.json";

    [Fact]
    public void TheShippedContent_PassesTheChecks() =>
        Assert.Equal(ContentLibrary.Default.Situations.Count, LoadWith(HostileComment, _ => { }).Situations.Count);

    [Fact]
    public void AnOutcomeWithoutSources_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            Outcome(situation, "what-kind", "identifying-info").Remove("sources")));
        Assert.Contains("Situation hostile-comment, what-kind/identifying-info: the outcome lines have no sources", error.Message);
    }

    [Fact]
    public void AnOutcomeWithOneSourceTooFew_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            Outcome(situation, "what-kind", "identifying-info")["sources"]!.AsArray().RemoveAt(1)));
        Assert.Contains("Situation hostile-comment, what-kind/identifying-info: 1 sources for 2 French and 2 English outcome lines", error.Message);
    }

    [Fact]
    public void ASourceThatIsNotInTheGuide_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            Outcome(situation, "rules-posted", "posted")["sources"]![0] = "Retirez tout commentaire hostile sans attendre."));
        Assert.Contains("Situation hostile-comment, rules-posted/posted: the source of outcome lines[0] is not in the guide.", error.Message);
    }

    [Fact]
    public void ASourceOfFewerThanFiveWords_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            Outcome(situation, "our-stance", "undecided")["sources"]![1] = "offrir des informations exactes"));
        Assert.Contains("Situation hostile-comment, our-stance/undecided: the source of outcome lines[1] has fewer than 5 words.", error.Message);
    }

    [Fact]
    public void AButtonLabelLongerThan30Characters_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            Option(situation, "abuse-kind", "harassment")["fr"] = "Harcèlement ou volonté de nuire"));
        Assert.Contains("Situation hostile-comment, abuse-kind/harassment: the label \"Harcèlement ou volonté de nuire\" has 31 characters in French; a button label has at most 30.", error.Message);
    }

    [Fact]
    public void ASituationTitleLongerThan30Characters_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            situation["en"]!["title"] = "A hostile comment on our page today"));
        Assert.Contains("Situation hostile-comment: the title \"A hostile comment on our page today\" has 35 characters in English", error.Message);
    }

    [Fact]
    public void ASafetyAnswerThatAlsoLeadsSomewhere_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
            Option(situation, "abuse-kind", "threat")["next"] = "rules-posted"));
        Assert.Contains("Situation hostile-comment, abuse-kind/threat: needs exactly one of next, outcome or safety.", error.Message);
    }

    [Fact]
    public void AnOutcomeWithFourLines_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(HostileComment, situation =>
        {
            var outcome = Outcome(situation, "rules-posted", "posted");
            outcome["fr"]!.AsArray().Add("Une quatrième ligne.");
            outcome["en"]!.AsArray().Add("A fourth line.");
            outcome["sources"]!.AsArray().Add("Vous pouvez également exclure les commentaires");
        }));
        Assert.Contains("Situation hostile-comment, rules-posted/posted: 4 French and 4 English outcome lines; an outcome has 1 to 3 in each language.", error.Message);
    }

    /// <summary>The shipped content, with one file edited by <paramref name="edit"/>, loaded and checked as at start.</summary>
    private static ContentLibrary LoadWith(string resource, Action<JsonObject> edit)
    {
        var names = ShippedFiles.Names;
        Assert.Contains(resource, names);
        return ContentLibrary.Load(names, name =>
        {
            var stream = ShippedFiles.Open(name);
            if (name != resource || stream is null) return stream;
            var json = JsonNode.Parse(stream)!.AsObject();
            stream.Dispose();
            edit(json);
            return new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        });
    }

    private static JsonObject Option(JsonObject situation, string question, string option) =>
        situation["questions"]!.AsArray().Single(q => (string?)q!["id"] == question)!["options"]!.AsArray()
            .Single(o => (string?)o!["id"] == option)!.AsObject();

    private static JsonObject Outcome(JsonObject situation, string question, string option) =>
        Option(situation, question, option)["outcome"]!.AsObject();
}
