using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Knowledge;
using PolicyBot.Onboarding;
using PolicyBot.Policy;

using BotFramework.Builder;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Talks to the real bot (in process, file storage in a temp folder) through every path a person can
/// click, and keeps every Adaptive Card it sends, named after how it was reached. Cards the bot posts in a
/// new channel thread (policy cards) go through the adapter's <c>CreateConversationAsync</c> and are kept too.
/// </summary>
internal sealed class ScriptedConversation : IDisposable
{
    public const string ManagerObjectId = "00000000-0000-0000-0000-0000000000aa";

    private readonly BotTestServices _services = new(new Dictionary<string, string?> { ["PolicyBot:Managers:0"] = ManagerObjectId });
    private readonly ContentLibrary _content = ContentLibrary.Default;

    /// <summary>The bot as the web host builds it (same services, middleware and state).</summary>
    public IBot Bot => _services.Bot;

    /// <summary>Every card sent, in order, with the step that produced it.</summary>
    public List<(string Name, JsonNode Card)> Cards { get; } = [];

    public TestAdapter NewAdapter(ConversationReference conversation) => _services.Adapter(conversation);

    /// <summary>
    /// The whole script: install, commands, every situation's questions and outcomes, every topic,
    /// onboarding, in both languages, and the manager's report and policy; then a channel, the report
    /// again, and policy cards posted, refreshed, acknowledged and searched.
    /// </summary>
    public async Task RunEverythingAsync()
    {
        foreach (var (language, manager) in new[] { (Language.En, true), (Language.Fr, false) })
        {
            var who = $"{language.Code()}{(manager ? "-manager" : "")}";
            var chat = NewAdapter(TestAdapter.PersonalChat(who, manager ? ManagerObjectId : null));
            chat.Locale = language == Language.Fr ? "fr-CA" : "en-US";
            await SendAsync(chat, chat.MakeBotAdded(), $"{who}/welcome");
            foreach (var command in new[] { "menu", "help", "what do you keep about me" })
            {
                await SendAsync(chat, chat.MakeMessage(command), $"{who}/{command}");
            }
            await WalkSituationsAndTopicsAsync(chat, who);
            await WalkScopeAsync(chat, who, language);
            if (manager) await SendAsync(chat, chat.MakeMessage("onboarding report"), $"{who}/onboarding report, nobody yet");
            if (manager) await SendAsync(chat, chat.MakeMessage("diagnostic"), $"{who}/diagnostic");
            await WalkOnboardingAsync(chat, who);
            if (manager) await WalkPolicyAsync(chat, who);
            await SendAsync(chat, chat.MakeMessage("forget me"), $"{who}/forget me");
            await SendAsync(chat, chat.MakeSubmit(new { choice = "no" }), $"{who}/forget me, no");
        }

        var channel = NewAdapter(TestAdapter.ChannelThread("channel-user"));
        await SendAsync(channel, channel.MakeBotAdded(), "channel/welcome");
        await SendAsync(channel, channel.MakeMention("menu"), "channel/menu");
        await SendAsync(channel, channel.MakeMention("someone commented on our post that he will kill a resident"), "channel/crisis about a comment");
        await WalkSituationsAndTopicsAsync(channel, "channel");
        foreach (var topic in _content.Topics)
        {
            var invoke = channel.MakeInvoke(InvokeNames.AdaptiveCardAction, new
            {
                action = new { type = "Action.Execute", verb = CardActions.RefreshGuidelineVerb, data = new { topic = topic.Id } },
                trigger = "manual",
            });
            var response = await channel.SendAsync(invoke, Bot);
            if (response?.Body is AdaptiveCardInvokeResponse { Type: AdaptiveCardInvokeResponse.CardType, Value: { } card })
            {
                Cards.Add(($"channel/refresh {topic.Id}", JsonSerializer.SerializeToNode(card, card.GetType(), BotJson.Options)!));
            }
            else
            {
                throw new InvalidOperationException($"The refresh of {topic.Id} was not answered with a card.");
            }
        }

        // Both people above finished onboarding (and kept their data): the report lists them, in both languages.
        foreach (var (language, locale) in new[] { (Language.En, "en-US"), (Language.Fr, "fr-CA") })
        {
            var manager = NewAdapter(TestAdapter.PersonalChat("report-manager", ManagerObjectId));
            manager.Locale = locale;
            await SendAsync(manager, manager.MakeMessage("onboarding report"), $"{language.Code()}-manager/onboarding report");
        }

        await PostAndReadPolicyCardsAsync();
    }

    /// <summary>
    /// What is answered before any topic: danger (the safety card, then the guideline for a threat in a comment),
    /// a legal question, something unrelated, a greeting and thanks. Invented messages.
    /// </summary>
    private async Task WalkScopeAsync(TestAdapter chat, string who, Language language)
    {
        string[] messages = language == Language.Fr
            ? ["son ex est devant la porte en ce moment", "quelqu'un a écrit en commentaire qu'il va tuer une résidente",
               "on peut se faire poursuivre pour diffamation si on efface un commentaire?", "l'imprimante est encore bloquée", "bonjour", "merci!"]
            : ["her ex is at the door right now", "someone commented on our post that he will kill a resident",
               "can we be sued for defamation if we delete a comment?", "the printer is jammed again", "hello", "thanks!"];
        foreach (var message in messages) await SendAsync(chat, chat.MakeMessage(message), $"{who}/scope: {message}");
    }

    /// <summary>
    /// Onboarding from start to finish: progress before starting, every lesson's key points and
    /// questions, every wrong answer (with its retry buttons) before the right one, a practice answer to
    /// an earlier question, progress midway and at the end, the completion card, restart declined.
    /// </summary>
    private async Task WalkOnboardingAsync(TestAdapter chat, string who)
    {
        var lessons = _services.Services.GetRequiredService<OnboardingLessons>();
        await SendAsync(chat, chat.MakeMessage("progress"), $"{who}/onboarding progress, not started");
        await SendAsync(chat, chat.MakeMessage("onboarding"), $"{who}/onboarding");
        foreach (var lesson in lessons.All)
        {
            var at = $"{who}/onboarding {lesson.Id}";
            await SendAsync(chat, chat.MakeSubmit(new { action = CardActions.OnboardingQuestions, lesson = lesson.Id }), $"{at}/questions");
            foreach (var question in lesson.Questions)
            {
                foreach (var option in question.Options.Where(o => !question.IsRight(o)))
                {
                    await SendAsync(chat, AnswerSubmit(chat, lesson, question, option), $"{at}/{question.Id}={option.Id} (wrong)");
                }
                await SendAsync(chat, AnswerSubmit(chat, lesson, question, question.FindOption(question.Answer)!), $"{at}/{question.Id}={question.Answer} (right)");
                if (lessons.After(lesson) is not null || lesson.QuestionAfter(question) is not null)
                {
                    await SendAsync(chat, chat.MakeSubmit(new { action = CardActions.OnboardingContinue }), $"{at}/{question.Id}/continue");
                }
            }
            if (lesson == lessons.First)
            {
                // Lesson 2's key points are on screen: progress, lesson 1 again, and an answer that no longer counts.
                await SendAsync(chat, chat.MakeMessage("progress"), $"{who}/onboarding progress, midway");
                await SendAsync(chat, chat.MakeSubmit(new { action = CardActions.OnboardingReview, lesson = lesson.Id }), $"{at}/review");
                var earlier = lesson.Questions[0];
                await SendAsync(chat, AnswerSubmit(chat, lesson, earlier, earlier.FindOption(earlier.Answer)!), $"{at}/{earlier.Id}={earlier.Answer} (practice)");
            }
        }
        await SendAsync(chat, chat.MakeMessage("progress"), $"{who}/onboarding progress, finished");
        await SendAsync(chat, chat.MakeMessage("onboarding"), $"{who}/onboarding, finished");
        await SendAsync(chat, chat.MakeMessage("restart onboarding"), $"{who}/onboarding restart");
        await SendAsync(chat, chat.MakeSubmit(new { choice = "no" }), $"{who}/onboarding restart, no");
    }

    private static Activity AnswerSubmit(TestAdapter chat, Lesson lesson, LessonQuestion question, LessonOption option) =>
        chat.MakeSubmit(new { action = CardActions.OnboardingAnswer, lesson = lesson.Id, question = question.Id, option = option.Id, topic = question.Topic });

    /// <summary>
    /// A manager sets the policy twice from the editor, as Teams submits it (the inputs merged into the
    /// Save button's data), so the sample topic has a changed, a new and an open decision; then the history.
    /// </summary>
    private async Task WalkPolicyAsync(TestAdapter chat, string who)
    {
        var topic = _content.Topic(CardSamples.SampleTopic);
        var (scope, inform) = (topic.DecisionPoints[0], topic.DecisionPoints[1]);
        var voice = _content.Topic("what-to-post").DecisionPoints[0];
        (DecisionPoint Point, string Option)[][] saves =
        [
            [(scope, scope.Options[0]), (voice, voice.Options[0])],
            [(scope, scope.Options[1]), (inform, inform.Options[0])],
            [],
        ];
        for (var i = 0; i < saves.Length; i++)
        {
            await SendAsync(chat, chat.MakeMessage("my policy"), $"{who}/my policy ({i + 1})");
            var submit = EditorSubmit(Cards[^1].Card);
            foreach (var (point, option) in saves[i]) submit[OrganisationPolicyCards.InputPrefix + point.Id] = option;
            if (i == 1)
            {
                // The shelter's own emergency instructions (invented), shown on the safety card from now on.
                submit[OrganisationPolicyCards.InputPrefix + EmergencyInstructions.PhoneId] = "514 555-0142";
                submit[OrganisationPolicyCards.InputPrefix + EmergencyInstructions.ProcedureId] = "Green Door protocol";
            }
            await SendAsync(chat, chat.MakeSubmit(submit), $"{who}/my policy, save ({i + 1})");
        }
        // A procedure name with a link is refused: the message, and the editor again with what was typed.
        await SendAsync(chat, chat.MakeMessage("my policy"), $"{who}/my policy (refused)");
        var refused = EditorSubmit(Cards[^1].Card);
        refused[OrganisationPolicyCards.InputPrefix + EmergencyInstructions.ProcedureId] = "[click](https://example.invalid)";
        await SendAsync(chat, chat.MakeSubmit(refused), $"{who}/my policy, save refused");
        await SendAsync(chat, chat.MakeMessage("policy history"), $"{who}/policy history");
        await SendAsync(chat, chat.MakeMessage("a resident is in danger right now"), $"{who}/crisis with the shelter's instructions");
    }

    /// <summary>The data Teams sends for the editor's Save button: the button's data and every input's current value.</summary>
    private static JsonObject EditorSubmit(JsonNode editor)
    {
        var objects = Objects(editor).ToList();
        var save = objects.Single(o => o["type"]?.GetValue<string>() == "Action.Submit" && o["data"]?["action"]?.GetValue<string>() == CardActions.PolicySave);
        var submit = save["data"]!.DeepClone().AsObject();
        foreach (var input in objects.Where(o => o["type"]?.GetValue<string>() is "Input.ChoiceSet" or "Input.Text"))
        {
            submit[input["id"]!.GetValue<string>()] = input["value"]?.GetValue<string>() ?? "";
        }
        return submit;
    }

    /// <summary>Every JSON object in a card, depth first.</summary>
    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, value) in obj)
            {
                foreach (var inner in Objects(value)) yield return inner;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var inner in Objects(item)) yield return inner;
            }
        }
    }

    /// <summary>
    /// Policy cards: a manager posts every topic in a channel (in English and in French), each a new thread
    /// the adapter creates; a colleague's Teams refreshes each card and she confirms she read it (Universal
    /// Actions), or clicks the fallback of an outdated card; the message extension's search.
    /// </summary>
    private async Task PostAndReadPolicyCardsAsync()
    {
        foreach (var (language, locale) in new[] { (Language.En, "en-US"), (Language.Fr, "fr-CA") })
        {
            var who = $"channel-manager {language.Code()}";
            var manager = NewAdapter(TestAdapter.ChannelThread($"channel-manager-{language.Code()}", ManagerObjectId));
            manager.Locale = locale;
            foreach (var topic in _content.Topics)
            {
                var before = manager.CreatedConversations.Count;
                await SendAsync(manager, manager.MakeMention($"post {topic.Id}"), $"{who}/post {topic.Id}");
                var posted = manager.CreatedConversations.Skip(before).Select(created => created.Activity!).ToList();
                if (posted.Count != 1) throw new InvalidOperationException($"'post {topic.Id}' did not post one card in the channel ({posted.Count}).");
                foreach (var card in CardReader.Cards(posted[0])) Cards.Add(($"{who}/post {topic.Id}, posted", JsonNode.Parse(card.GetRawText())!));
            }
        }

        foreach (var (language, locale) in new[] { (Language.En, "en-US"), (Language.Fr, "fr-CA") })
        {
            var who = $"channel {language.Code()}";
            var reader = NewAdapter(TestAdapter.ChannelThread($"channel-reader-{language.Code()}"));
            reader.Locale = locale;
            foreach (var topic in _content.Topics)
            {
                await InvokeAsync(reader, CardActions.RefreshPolicyCard, new { topic = topic.Id }, $"{who}/refresh policy {topic.Id}");
                var acknowledge = Objects(Cards[^1].Card).Single(o => o["verb"]?.GetValue<string>() == CardActions.AcknowledgePolicy);
                await InvokeAsync(reader, CardActions.AcknowledgePolicy, acknowledge["data"]!.DeepClone(), $"{who}/acknowledge {topic.Id}");
                if (Objects(Cards[^1].Card).Any(o => o["verb"]?.GetValue<string>() == CardActions.AcknowledgePolicy))
                {
                    throw new InvalidOperationException($"After 'I've read it' the card of {topic.Id} still asks for it.");
                }
            }
            // The Action.Submit fallback of a card from before the last change: "outdated", and the current card.
            await SendAsync(reader, reader.MakeSubmit(new { action = CardActions.AcknowledgePolicy, topic = CardSamples.SampleTopic, version = 0 }),
                $"{who}/acknowledge {CardSamples.SampleTopic}, outdated");
            await SearchAsync(reader, language == Language.Fr ? "commentaire haineux" : "hateful comment", $"{who}/search");
            await SearchAsync(reader, null, $"{who}/search, initial run");
        }
    }

    /// <summary>An <c>Action.Execute</c> as Teams sends it; the card in the answer is kept.</summary>
    private async Task InvokeAsync(TestAdapter chat, string verb, object data, string step)
    {
        var invoke = chat.MakeInvoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" });
        var response = await chat.SendAsync(invoke, Bot);
        if (response?.Body is not AdaptiveCardInvokeResponse { Type: AdaptiveCardInvokeResponse.CardType, Value: { } card })
        {
            throw new InvalidOperationException($"{step} was not answered with a card.");
        }
        Cards.Add((step, JsonSerializer.SerializeToNode(card, card.GetType(), BotJson.Options)!));
        if (chat.GetNextReply() is not null) throw new InvalidOperationException($"{step} also sent a message.");
    }

    /// <summary>A message-extension search; every result's card is kept.</summary>
    private async Task SearchAsync(TestAdapter chat, string? words, string step)
    {
        object query = words is null
            ? new { commandId = PolicySearch.CommandId, parameters = new[] { new { name = "initialRun", value = "true" } } }
            : new { commandId = PolicySearch.CommandId, parameters = new[] { new { name = PolicySearch.QueryParameter, value = words } } };
        var response = await chat.SendAsync(chat.MakeInvoke(InvokeNames.ComposeExtensionQuery, query), Bot);
        var attachments = (response?.Body as JsonObject)?["composeExtension"]?["attachments"] as JsonArray;
        if (attachments is null || attachments.Count == 0) throw new InvalidOperationException($"{step} found no policy card.");
        var n = 0;
        foreach (var attachment in attachments) Cards.Add(($"{step} #{++n}", attachment!["content"]!.DeepClone()));
    }

    /// <summary>Starts every situation, answers every question of it with every option, and opens every topic.</summary>
    private async Task WalkSituationsAndTopicsAsync(TestAdapter chat, string who)
    {
        foreach (var situation in _content.Situations)
        {
            await SendAsync(chat, chat.MakeSubmit(new { action = CardActions.Situation, situation = situation.Id }), $"{who}/{situation.Id}");
            foreach (var question in situation.Questions)
            {
                foreach (var option in question.Options)
                {
                    await SendAsync(chat, chat.MakeSubmit(new { choice = option.Id, situation = situation.Id, question = question.Id }),
                        $"{who}/{situation.Id}/{question.Id}={option.Id}");
                }
            }
        }
        foreach (var topic in _content.Topics)
        {
            await SendAsync(chat, chat.MakeSubmit(new { action = CardActions.Topic, topic = topic.Id, direct = true }), $"{who}/topic {topic.Id}");
        }
    }

    /// <summary>
    /// Topic choices come from free text the matcher is unsure about, so no script reaches them all:
    /// they are built the way the bot builds them, every topic in a group of three, in both languages.
    /// </summary>
    public static IEnumerable<(string Name, JsonNode Card)> TopicChoiceCards()
    {
        var cards = new GuidelineCards(ContentLibrary.Default);
        foreach (var language in new[] { Language.En, Language.Fr })
        {
            foreach (var group in ContentLibrary.Default.Topics.Chunk(3))
            {
                var card = (JsonNode)cards.TopicChoices(group.Select(t => t.Id), language).Content!;
                yield return ($"topic-choices {language.Code()} {string.Join(",", group.Select(t => t.Id))}", card);
            }
        }
    }

    public async Task SendAsync(TestAdapter chat, Activity activity, string step)
    {
        await chat.SendAsync(activity, Bot);
        var n = 0;
        while (chat.GetNextReply() is { } reply)
        {
            foreach (var card in CardReader.Cards(reply))
            {
                Cards.Add(($"{step} #{++n}", JsonNode.Parse(card.GetRawText())!));
            }
        }
    }

    public void Dispose()
    {
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
