using System.Text.Json;
using System.Text.RegularExpressions;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// Policy questions with alarming words about something past or general (a threat already hidden or deleted, a
/// femicide in the news, an awareness campaign, a memorial) still reach their policy topic: the worker sees it,
/// after the safety card when the bot reads danger in the words. Invented questions, written for this test (not
/// training data of any kind).
/// </summary>
[Trait("Category", "Fast")]
public sealed partial class AlarmingWordsRoutingTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("fr-CA", "unacceptable-content", true, "on a effacé la semaine passée un commentaire qui menaçait une intervenante, faut-il quand même le signaler à Facebook")]
    [InlineData("en-CA", "unacceptable-content", true, "a threatening comment on our page was deleted yesterday, do we still need to report it")]
    [InlineData("fr-CA", "unacceptable-content", true, "un troll a écrit il y a deux jours qu'il allait brûler la maison, on l'a masqué, on fait quoi maintenant avec le commentaire")]
    [InlineData("fr-CA", "what-to-post", true, "pour le 6 décembre on veut publier une campagne de sensibilisation sur les féminicides, qu'est-ce qu'on peut mettre")]
    [InlineData("en-CA", "what-to-post", true, "can we share a news article about a femicide in another province on our page")]
    [InlineData("en-CA", "what-to-post", true, "we want to post about the memorial vigil for women killed by their partners, what is ok to publish")]
    [InlineData("fr-CA", "what-to-post", true, "est-ce qu'on peut partager un article de journal sur un meurtre conjugal sur notre page")]
    [InlineData("fr-CA", "posting-about-survivors", true, "on organise une vigile en mémoire d'une ancienne résidente, est-ce qu'on peut publier des photos sur notre page")]
    [InlineData("en-CA", "divergent-opinions", true, "someone commented under our awareness post that men are victims of violence too, should we answer")]
    [InlineData("fr-CA", "divergent-opinions", true, "quelqu'un a écrit sous notre publication sur la violence conjugale que c'est exagéré, on répond-tu")]
    [InlineData("en-CA", "survivor-posts-on-page", true, "a former resident wants to share her story of abuse on our page for the campaign, how do we handle it")]
    [InlineData("en-CA", "staff-personal-accounts", true, "a coworker posted about her own experience of violence on her personal instagram, can the organisation say anything")]
    [InlineData("fr-CA", "moderation-capacity", false, "après la campagne sur la violence faite aux femmes on a eu plein de commentaires haineux, personne pour modérer le soir")]
    public async Task APolicyQuestionWithAlarmingWordsAboutThePast_ShowsItsTopic(string locale, string topicId, bool first, string text)
    {
        var language = Languages.FromLocale(locale);
        var adapter = _bot.Adapter(locale: locale);
        var replies = new List<Activity>();

        await _bot.Flow(adapter).Send(text).Then(() =>
        {
            while (adapter.GetNextReply() is { } reply) replies.Add(reply);
        }).StartTestAsync();

        var withTopics = replies.FirstOrDefault(r => Topics(r).Count > 0);
        Assert.True(withTopics is not null, $"No topic was shown; the bot said: {string.Join(" | ", replies.Select(CardReader.VisibleText))}");
        var topics = Topics(withTopics);
        if (first) Assert.Equal(topicId, topics[0]);
        else Assert.Contains(topicId, topics);
        var visible = CardReader.VisibleText(withTopics);
        var topic = Content.Topic(topicId).Text(language);
        var questions = Content.Situations.Where(s => ContentLibrary.OutcomeTopics(s).Contains(topicId)).SelectMany(s => s.Questions).Select(q => q.Text(language));
        Assert.True(visible.Contains(topic.Title, StringComparison.Ordinal) || questions.Any(q => visible.Contains(q, StringComparison.Ordinal)),
            $"The reply names the topic but does not show it: {visible}");
    }

    /// <summary>The topics a reply's card points to, in order (design.md's machine-readable marker), without repeats.</summary>
    private static List<string> Topics(Activity reply) =>
        reply.Attachments is { Count: > 0 } attachments
            ? [.. TopicMarker().Matches(JsonSerializer.Serialize(attachments[0].Content, BotJson.Options)).Select(m => m.Groups[1].Value).Distinct()]
            : [];

    [GeneratedRegex("\"topic\":\"([a-z-]+)\"")]
    private static partial Regex TopicMarker();
}
