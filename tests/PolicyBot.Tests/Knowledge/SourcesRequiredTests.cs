using System.Text.Json.Nodes;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// Every statement of a topic and every option of its decision points carries a verbatim excerpt of the
/// guide: content without one, or with one the guide does not hold word for word, stops the bot at start.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SourcesRequiredTests
{
    private const string File = "content/topics/moderation-capacity.json";

    [Fact]
    public void TheShippedContent_HasASourceForEveryStatementAndEveryOption()
    {
        foreach (var topic in ContentLibrary.Default.Topics)
        {
            var sources = topic.Sources;
            Assert.NotNull(sources);
            Assert.NotNull(sources.Summary);
            Assert.Equal(topic.Fr.DoNow.Count, sources.DoNow.Count);
            Assert.Equal(topic.Fr.Avoid.Count, sources.Avoid.Count);
            Assert.Equal(topic.Fr.Why.Count, sources.Why.Count);
            Assert.All(topic.DecisionPoints, point => Assert.Equal(point.Options.Order(), point.Sources.Keys.Order()));
        }
    }

    [Fact]
    public void TheFileUnchanged_Loads() =>
        Assert.NotNull(Load(_ => { }));

    [Fact]
    public void AStatementWithoutASource_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(topic => Sources(topic)["doNow"]!.AsArray().RemoveAt(1)));

        Assert.Contains("Topic moderation-capacity: 2 sources for 3 French and 3 English doNow; give one per statement.", error.Message);
    }

    [Fact]
    public void ATopicWithNoSourcesAtAll_StopsTheBotAtStart_NamingEachMissingOne()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(topic => topic.Remove("sources")));

        Assert.Contains("Topic moderation-capacity: the summary has no source.", error.Message);
        Assert.Contains("Topic moderation-capacity: doNow has no sources; give one per statement.", error.Message);
        Assert.Contains("Topic moderation-capacity: avoid has no sources; give one per statement.", error.Message);
        Assert.Contains("Topic moderation-capacity: why has no sources; give one per statement.", error.Message);
    }

    [Fact]
    public void ADecisionPointOptionWithoutASource_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            Load(topic => topic["decisionPoints"]![0]!["sources"]!.AsObject().Remove("light-policy")));

        Assert.Contains("Topic moderation-capacity, decision point moderation-approach/light-policy: the option has no source.", error.Message);
    }

    [Fact]
    public void ASourceTheGuideDoesNotHoldWordForWord_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            Load(topic => Sources(topic)["summary"] = "Votre politique doit toujours refléter vos objectifs"));

        Assert.Contains("Topic moderation-capacity: the summary's source is not in the guide.", error.Message);
    }

    [Fact]
    public void ASourceRunningAcrossTwoSections_StopsTheBotAtStart()
    {
        // The end of "Contrôle et surveillance des médias sociaux" and the next heading: verbatim, but in no single section.
        const string acrossTwo = "afin d'économiser du temps et de l'énergie. Quand répondre à des opinions divergentes?";
        Assert.Null(ContentLibrary.Default.Guide.Problem(acrossTwo));

        var error = Assert.Throws<InvalidDataException>(() => Load(topic => Sources(topic)["why"]![1] = acrossTwo));

        Assert.Contains($"Topic moderation-capacity: the source \"{acrossTwo}\" runs across two sections of the guide; quote one.", error.Message);
    }

    private static JsonObject Sources(JsonObject topic) => topic["sources"]!.AsObject();

    private static ContentLibrary Load(Action<JsonObject> edit)
    {
        var topic = JsonNode.Parse(ShippedFiles.ReadText(File))!.AsObject();
        edit(topic);
        return ContentLibrary.LoadShipped(new Dictionary<string, string> { [File] = topic.ToJsonString() });
    }
}
