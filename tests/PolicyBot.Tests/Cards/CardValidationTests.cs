using System.Text.Json.Nodes;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Every card the bot can send passes the Teams web renderer's parse and validation (adaptivecards
/// 3.0.6, strict for version 1.5, Teams host config) with no event at all, and PolicyBot's own checks:
/// ≤ 28 KB, verbs on Action.Execute, labels on inputs, wrapping TextBlocks, topic markers, version 1.5.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CardValidationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EverySampleCard_PassesTeamsValidation()
    {
        var cards = CardSamples.All(new GuidelineCards(ContentLibrary.Default))
            .Select(s => (s.Name, (JsonNode)CardTemplate.Expand(CardSamples.Template(s.Template), CardSamples.Read(s.Name))))
            .ToList();

        var results = await CardValidation.ValidateAsync(cards);

        Assert.True(results.All(r => r.Value.Count == 0), CardValidation.Describe(results));
    }

    [Fact]
    public async Task EveryCardSentInAScriptedConversation_PassesTeamsValidation()
    {
        using var conversation = new ScriptedConversation();
        await conversation.RunEverythingAsync();
        var cards = conversation.Cards.Concat(ScriptedConversation.TopicChoiceCards()).ToList();

        var results = await CardValidation.ValidateAsync(cards);

        output.WriteLine($"{cards.Count} cards validated: " + string.Join(", ",
            cards.GroupBy(c => c.Name.Split('/', ' ')[0]).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(results.All(r => r.Value.Count == 0), CardValidation.Describe(results));
        Assert.True(cards.Count > 300, $"Only {cards.Count} cards were collected; the script no longer walks every path.");
        var names = cards.Select(c => c.Name).ToList();
        foreach (var expected in new[] { "en-manager/welcome", "fr/welcome", "fr/help", "en-manager/what do you keep about me", "fr/forget me", "channel/refresh" })
        {
            Assert.Contains(names, n => n.StartsWith(expected, StringComparison.Ordinal));
        }
        foreach (var expected in new[]
        {
            "fr/onboarding progress, not started", "fr/onboarding #", "en-manager/onboarding progress, midway", "fr/onboarding progress, finished",
            "en-manager/onboarding restart", "en-manager/onboarding report, nobody yet", "fr-manager/onboarding report #",
            "en-manager/my policy (1)", "en-manager/my policy, save (2)", "en-manager/policy history",
            "channel fr/acknowledge unacceptable-content, outdated", "channel en/search",
        })
        {
            Assert.Contains(names, n => n.StartsWith(expected, StringComparison.Ordinal));
        }
        foreach (var topic in ContentLibrary.Default.Topics)
        {
            Assert.Contains(names, n => n.StartsWith($"fr/topic {topic.Id}", StringComparison.Ordinal));
            Assert.Contains(names, n => n.StartsWith($"en-manager/topic {topic.Id}", StringComparison.Ordinal));
            foreach (var language in new[] { "en", "fr" })
            {
                Assert.Contains($"channel-manager {language}/post {topic.Id}, posted", names);
                Assert.Contains($"channel {language}/refresh policy {topic.Id}", names);
                Assert.Contains($"channel {language}/acknowledge {topic.Id}", names);
            }
        }
        // Every lesson's key points and every answer's feedback, in both languages, and the completion card.
        var lessons = OnboardingLessons.LoadShipped(ContentLibrary.Default);
        foreach (var who in new[] { "en-manager", "fr" })
        {
            foreach (var lesson in lessons.All)
            {
                foreach (var question in lesson.Questions)
                {
                    foreach (var option in question.Options)
                    {
                        Assert.Contains(names, n => n.StartsWith($"{who}/onboarding {lesson.Id}/{question.Id}={option.Id} (", StringComparison.Ordinal));
                    }
                }
            }
            var last = lessons.All[^1];
            var finalAnswer = $"{who}/onboarding {last.Id}/{last.Questions[^1].Id}={last.Questions[^1].Answer} (right)";
            Assert.Equal(2, names.Count(n => n.StartsWith(finalAnswer, StringComparison.Ordinal)));
        }
    }
}
