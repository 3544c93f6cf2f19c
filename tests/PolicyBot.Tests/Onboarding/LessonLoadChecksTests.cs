using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;

namespace PolicyBot.Tests.Onboarding;

/// <summary>
/// The checks the bot runs on its lessons when it starts: an explanation without a source from the
/// guide, a source that is not in the guide, or an answer label too long for a phone stops the bot
/// before a new hire sees it. Each test edits one real lesson and loads the lessons again.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LessonLoadChecksTests
{
    private const string LessonId = "survivors-reaching-out";

    [Fact]
    public void TheShippedLessons_PassTheChecks() =>
        Assert.Equal(8, LoadWith(_ => { }).Count);

    [Fact]
    public void AnExplanationWithoutASource_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(lesson => Option(lesson, "story-with-names", "leave-all").Remove("source")));
        Assert.Contains("Question survivors-reaching-out/story-with-names/leave-all: the explanation's source is empty.", error.Message);
    }

    [Fact]
    public void ASourceThatIsNotInTheGuide_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(lesson =>
            Option(lesson, "private-message", "safer-channel")["source"] = "proposez un moyen de communication plus sûr, comme le texto"));
        Assert.Contains("Question survivors-reaching-out/private-message/safer-channel: the explanation's source is not in the guide.", error.Message);
    }

    [Fact]
    public void ASourceOfFewerThanFiveWords_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(lesson =>
            Option(lesson, "private-message", "ignore")["source"] = "en dernier recours"));
        Assert.Contains("Question survivors-reaching-out/private-message/ignore: the explanation's source has fewer than 5 words.", error.Message);
    }

    [Fact]
    public void AnAnswerLabelLongerThan30Characters_StopsTheBotAtStart()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWith(lesson =>
            Option(lesson, "private-message", "full-support")["en"]!["label"] = "Support her fully by private message"));
        Assert.Contains("Question survivors-reaching-out/private-message/full-support: the label \"Support her fully by private message\" has 36 characters in English; a button label has at most 30.", error.Message);
    }

    /// <summary>The shipped lessons, with <see cref="LessonId"/> edited by <paramref name="edit"/>, checked as at start.</summary>
    private static OnboardingLessons LoadWith(Action<JsonObject> edit)
    {
        var content = ContentLibrary.Default;
        var lessons = OnboardingLessons.LoadShipped(content).All.Select(lesson =>
        {
            if (lesson.Id != LessonId) return lesson;
            var json = JsonSerializer.SerializeToNode(lesson, BotJson.Options)!.AsObject();
            edit(json);
            return json.Deserialize<Lesson>(BotJson.Options)!;
        });
        return new OnboardingLessons(lessons, content);
    }

    private static JsonObject Option(JsonObject lesson, string question, string option) =>
        lesson["questions"]!.AsArray().Single(q => (string?)q!["id"] == question)!["options"]!.AsArray()
            .Single(o => (string?)o!["id"] == option)!.AsObject();
}
