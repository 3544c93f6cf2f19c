using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Onboarding;

/// <summary>The lessons as data: they cover the guide, speak both languages, and make valid, small cards.</summary>
[Trait("Category", "Fast")]
public sealed class OnboardingContentTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly OnboardingLessons Lessons = OnboardingLessons.LoadShipped(Content);
    private static readonly OnboardingCards Cards = new(new GuidelineCards(Content), Lessons);

    [Fact]
    public void Lessons_CoverAll19TopicsExactlyOnceInTheGuidesOrder()
    {
        var taught = Lessons.All.SelectMany(l => l.Topics).ToList();
        Assert.Equal(19, taught.Count);
        Assert.Equal(Content.Topics.OrderBy(t => t.Order).Select(t => t.Id), taught);
    }

    [Fact]
    public void Lessons_AreFiveToEightOfOneToThreeQuestionsAndAFewMinutesEach()
    {
        Assert.InRange(Lessons.Count, 5, 8);
        Assert.Equal(Enumerable.Range(1, Lessons.Count), Lessons.All.Select(l => l.Order));
        Assert.All(Lessons.All, l => Assert.InRange(l.Questions.Count, 1, 3));
        Assert.All(Lessons.All, l => Assert.InRange(l.Minutes, 2, 8));
    }

    [Fact]
    public void Lessons_FollowTheGuidesPartsOrganisationThenStaffThenSurvivors()
    {
        Assert.Equal(["organisation", "staff", "survivors"], Lessons.All.Select(l => l.Part).Distinct());
        Assert.Equal("organisation", Lessons.All.Single(l => l.Topics.Contains("survivor-seeks-support-online")).Part);
        Assert.Equal("staff", Lessons.All.Single(l => l.Topics.Contains("work-hours-and-admin-access")).Part);
        Assert.Equal("survivors", Lessons.All.Single(l => l.Topics.Contains("survivor-autonomy")).Part);
    }

    [Fact]
    public void EveryQuestion_IsAboutATopicItsLessonTeachesAndHasExactlyOneRightAnswer()
    {
        foreach (var lesson in Lessons.All)
        {
            foreach (var question in lesson.Questions)
            {
                Assert.Contains(question.Topic, lesson.Topics);
                Assert.InRange(question.Options.Count, 2, 4);
                Assert.Single(question.Options, o => question.IsRight(o));
                Assert.Equal(question.Options.Count, question.Options.Select(o => o.Id).Distinct().Count());
            }
            Assert.Equal(lesson.Questions.Count, lesson.Questions.Select(q => q.Id).Distinct().Count());
        }
    }

    [Fact]
    public void EveryField_IsWrittenInBothLanguagesAndEveryAnswerIsExplained()
    {
        foreach (var lesson in Lessons.All)
        {
            Written(lesson.Fr.Title, lesson.En.Title);
            Written(lesson.Fr.Intro, lesson.En.Intro);
            foreach (var question in lesson.Questions)
            {
                Written(question.Fr.Text, question.En.Text);
                foreach (var option in question.Options)
                {
                    Written(option.Fr.Label, option.En.Label);
                    Written(option.Fr.Explanation, option.En.Explanation);
                    Assert.True(option.Fr.Explanation.Length > option.Fr.Label.Length, $"{lesson.Id}/{question.Id}/{option.Id}: the explanation says more than the label.");
                }
            }
        }

        static void Written(string fr, string en)
        {
            Assert.False(string.IsNullOrWhiteSpace(fr));
            Assert.False(string.IsNullOrWhiteSpace(en));
            Assert.NotEqual(fr, en);
            Assert.DoesNotContain('’', fr + en); // content rule: plain apostrophes
        }
    }

    [Fact]
    public void EveryExplanation_CitesAPassageOfTheGuide()
    {
        var options = Lessons.All.SelectMany(l => l.Questions).SelectMany(q => q.Options).ToList();
        Assert.Equal(Lessons.All.Sum(l => l.Questions.Sum(q => q.Options.Count)), options.Count(o => o.Source is not null));
        Assert.All(options, o => Assert.Null(Content.Guide.Problem(o.Source)));
    }

    [Fact]
    public void AnswerLabels_FitOnAButtonAndDifferWithinAQuestion()
    {
        foreach (var question in Lessons.All.SelectMany(l => l.Questions))
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                var labels = question.Options.Select(o => o.Text(language).Label).ToList();
                Assert.All(labels, label => Assert.True(label.Length <= ContentLibrary.MaxButtonLabelLength, $"\"{label}\" is longer than 30 characters."));
                Assert.Equal(labels.Count, labels.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            }
        }
    }

    [Fact]
    public void NoLesson_NamesARealPersonOrPlace()
    {
        // Scenarios use "a resident", "a colleague", "a woman": no capitalised name inside a sentence, except these words.
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "Facebook", "J'aime", "OK" };
        foreach (var question in Lessons.All.SelectMany(l => l.Questions))
        {
            foreach (var text in new[] { question.Fr.Text, question.En.Text })
            {
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var capitalised = words.Where((w, i) => i > 0 && !words[i - 1].EndsWith('.') && !words[i - 1].EndsWith('?')
                    && char.IsUpper(w[0]) && !allowed.Contains(w.TrimEnd('.', ',', '?', ':')));
                Assert.Empty(capitalised);
            }
        }
    }

    [Fact]
    public void EveryOnboardingInterfaceString_ExistsInBothLanguages()
    {
        var keys = ShippedContent.UiKeys.Where(k => k.StartsWith("onboarding.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys.Append("privacy.onboardingRoster").Append("forget.confirm.onboarding").Append("forget.item.roster"))
        {
            Assert.False(string.IsNullOrWhiteSpace(Content.Ui(key, Language.Fr)), key);
            Assert.False(string.IsNullOrWhiteSpace(Content.Ui(key, Language.En)), key);
        }
        foreach (var part in OnboardingLessons.Parts)
        {
            Assert.Contains($"onboarding.part.{part}", keys);
        }
    }

    [Fact]
    public void LessonCards_ShowEachTopicsKeyPointsExactlyAsTheGuidelineDoes()
    {
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            foreach (var lesson in Lessons.All)
            {
                var lessonText = TextOf(Cards.Lesson(lesson, language));
                foreach (var topicId in lesson.Topics)
                {
                    var guideline = TextOf(new GuidelineCards(Content).Guideline(Content.Topic(topicId), language, GuidelineCase.None, OrganisationChoices.None, isManager: false));
                    var topic = Content.Topic(topicId).Text(language);
                    foreach (var line in new[] { topic.Title, topic.Summary }.Concat(topic.DoNow.Select((s, i) => $"{i + 1}. {s}")))
                    {
                        Assert.Contains(line, lessonText);
                        Assert.Contains(line, guideline);
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryOnboardingCard_IsAdaptiveCard15WithWrappedTextButtonsThatSayWhatTheyDoAndUnder28KB()
    {
        var progress = new OnboardingProgress();
        progress.Start(Lessons);
        var finished = Finished();
        foreach (var language in new[] { Language.Fr, Language.En })
        {
            var cards = new List<Attachment>
            {
                Cards.Progress(new OnboardingProgress(), language),
                Cards.Progress(progress, language),
                Cards.Progress(finished, language),
                Cards.Complete(finished, language),
                Cards.Report([new RosterEntry("Person A", 3, null), new RosterEntry("Person B", 8, DateTimeOffset.UnixEpoch)], language),
                Cards.Report([], language),
                Cards.Notice("…", language, started: false),
            };
            foreach (var lesson in Lessons.All)
            {
                cards.Add(Cards.Lesson(lesson, language));
                foreach (var question in lesson.Questions)
                {
                    cards.Add(Cards.Question(lesson, question, language));
                    foreach (var option in question.Options)
                    {
                        cards.Add(Cards.Feedback(lesson, question, option, new AnswerOutcome(question.IsRight(option), true, null, false), progress, language));
                        cards.Add(Cards.Feedback(lesson, question, option, new AnswerOutcome(question.IsRight(option), false, null, false), progress, language));
                    }
                }
            }

            foreach (var card in cards)
            {
                var json = JsonSerializer.Serialize(card.Content, BotJson.Options);
                Assert.True(Encoding.UTF8.GetByteCount(json) < 28 * 1024, "A card is over 28 KB.");
                var node = JsonNode.Parse(json)!.AsObject();
                Assert.Equal("AdaptiveCard", node["type"]!.GetValue<string>());
                Assert.Equal("1.5", node["version"]!.GetValue<string>());
                Assert.DoesNotContain("${", json, StringComparison.Ordinal);
                foreach (var element in Walk(node))
                {
                    var type = element["type"]?.GetValue<string>();
                    if (type == "TextBlock") Assert.True(element["wrap"]?.GetValue<bool>() == true, $"A TextBlock does not wrap: {element}");
                    if (type == "Action.Submit")
                    {
                        var data = element["data"]!.AsObject();
                        Assert.True(data["action"] is not null, $"A button carries no action: {element}");
                        if (data["action"]!.GetValue<string>() == CardActions.OnboardingAnswer)
                        {
                            Assert.All(new[] { "lesson", "question", "option", "topic" }, k => Assert.NotNull(data[k]));
                            Assert.True(Content.TryGetTopic(data["topic"]!.GetValue<string>(), out _));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void TheRestartConfirmation_AnswersThePromptWithYesOrNo()
    {
        var buttons = Walk(JsonNode.Parse(JsonSerializer.Serialize(Cards.RestartConfirmation(Language.En).Content, BotJson.Options))!.AsObject())
            .Where(e => e["type"]?.GetValue<string>() == "Action.Submit").Select(e => e["data"]!["choice"]!.GetValue<string>());
        Assert.Equal(["yes", "no"], buttons);
    }

    [Fact]
    public void DatesAndThePolicyVersion_ReadNaturallyInEachLanguage()
    {
        var date = new DateTimeOffset(2025, 3, 14, 23, 30, 0, TimeSpan.FromHours(-5)); // already March 15 in UTC
        Assert.Equal("15 mars 2025", OnboardingCards.Date(date, Language.Fr));
        Assert.Equal("March 15, 2025", OnboardingCards.Date(date, Language.En));
        Assert.Equal("version 0 (aucun choix de l'organisation enregistré)", Cards.PolicyVersion(0, Language.Fr));
        Assert.Equal("version 0 (no organisation choices saved)", Cards.PolicyVersion(0, Language.En));
        Assert.Equal("version 4", Cards.PolicyVersion(4, Language.En));
    }

    private static OnboardingProgress Finished()
    {
        var progress = new OnboardingProgress();
        progress.Start(Lessons);
        foreach (var lesson in Lessons.All)
        {
            progress.BeginQuestions(lesson);
            foreach (var question in lesson.Questions) progress.Answer(Lessons, lesson, question, question.FindOption(question.Answer)!, DateTimeOffset.UnixEpoch, 2);
        }
        Assert.True(progress.IsFinished());
        return progress;
    }

    private static string TextOf(Attachment card) =>
        BotFramework.Testing.CardReader.VisibleText(new Activity { Type = ActivityTypes.Message, Attachments = [card] });

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (name, child) in obj)
                {
                    if (name == "data") continue;
                    foreach (var inner in Walk(child)) yield return inner;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Walk(item)) yield return inner;
                }
                break;
        }
    }
}
