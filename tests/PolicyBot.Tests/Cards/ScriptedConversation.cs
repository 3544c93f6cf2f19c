using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Bot;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

using BotFramework.Builder;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Talks to the real bot (in process, file storage in a temp folder) through every path a person can
/// click, and keeps every Adaptive Card it sends, named after how it was reached.
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

    /// <summary>The whole script: install, commands, every situation's questions and outcomes, every topic, in both languages; then a channel.</summary>
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
            await SendAsync(chat, chat.MakeMessage("forget me"), $"{who}/forget me");
            await SendAsync(chat, chat.MakeSubmit(new { choice = "no" }), $"{who}/forget me, no");
        }

        var channel = NewAdapter(TestAdapter.ChannelThread("channel-user"));
        await SendAsync(channel, channel.MakeBotAdded(), "channel/welcome");
        await SendAsync(channel, channel.MakeMention("menu"), "channel/menu");
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

    public void Dispose() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
