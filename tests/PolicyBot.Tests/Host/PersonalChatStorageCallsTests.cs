using System.Text;
using System.Text.Json;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Situations;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Policy;

namespace PolicyBot.Tests.Host;

/// <summary>
/// A personal chat's state lives inside her user document (<see cref="ConversationState.KeepPersonalConversationsIn"/>):
/// the benchmark's three turns of a new user cost one create-only write (her document, never met by this instance, is
/// taken as new: <c>Bot:TakeUnseenStateAsNew</c>), then one write each; with the option off, one read more in turn 1.
/// <para>
/// Since authors a13 and a14 joined the scope corpus (auth14 branch), the benchmark's first message is no longer taken
/// for a crisis (the model's 0.67 → −0.10, the bar 0.6): instead of the safety card and three topics to choose from, it
/// opens the hostile-comment situation at once, so the third turn's first <c>Action.Submit</c> is no longer a step to
/// the guideline but the guideline's "was this helpful?" vote. A vote cost two reads and two writes then (her document
/// checked against storage before an effect outside the conversation, the shared feedback counter read and written,
/// her document written); now the counts are added once her document is saved and written with the others every few
/// seconds (<see cref="FeedbackCounter"/>), so the vote costs her document's write only, like any turn. The counts
/// reach the shared document at the next flush (asserted at the end).
/// </para>
/// </summary>
[Trait("Category", "Host")]
public sealed class PersonalChatStorageCallsTests
{
    [Theory]
    [InlineData("true", 0)]
    [InlineData("false", 1)]
    public async Task ANewUsersPersonalChat_WritesHerDocumentOncePerTurn_AndReadsItOnlyWhenUnseenStateIsRead(string takeUnseenAsNew, int firstTurnReads)
    {
        using var temp = new TempStorage();
        var counting = new CountingStorage(temp.Storage);
        await using var connector = await FakeConnector.StartAsync();
        using var host = new BotHost(new Dictionary<string, string?>
        {
            ["PolicyBot:Policy:CacheDuration"] = "00:05:00",
            ["Bot:TakeUnseenStateAsNew"] = takeUnseenAsNew,
            // The counts are written when the test asks (below), not by the flush service's timer during a counted turn.
            ["PolicyBot:Feedback:FlushInterval"] = "01:00:00",
        });
        using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStorage>(counting)));
        using var client = factory.CreateClient();

        async Task<(long Reads, long Writes)> TurnAsync(Activity activity)
        {
            counting.Reset();
            var before = connector.Messages.Count;
            using var content = new StringContent(JsonSerializer.Serialize(activity, BotJson.Options), Encoding.UTF8, "application/json");
            var response = await client.PostAsync("/api/messages", content);
            Assert.True(response.IsSuccessStatusCode);
            Assert.True(connector.Messages.Count > before, "the bot did not answer");
            return (counting.Reads, counting.Writes);
        }

        // Another user's turn first: this instance reads the organisation's policy once, and caches it.
        await TurnAsync(new TeamsActivities(connector.ServiceUrl, "a:calls-warm-up-chat", "29:calls-warm-up").Message("help"));

        var chat = new TeamsActivities(connector.ServiceUrl, "a:calls-chat", "29:calls-user");
        var first = await TurnAsync(chat.Message("someone left a hostile comment on our page"));
        var second = await TurnAsync(chat.Submit(FirstSubmit(connector.Messages[^1])));
        var vote = FirstSubmit(connector.Messages[^1]);
        var third = await TurnAsync(chat.Submit(vote));

        Assert.Equal((firstTurnReads, 1), first);
        Assert.Equal((0, 1), second);
        Assert.Equal("feedback", vote.GetProperty("action").GetString());
        Assert.Equal((0, 1), third);
        var handled = await StoredChat.HandledAsync(temp.Storage, chat.UserId, chat.ConversationId);
        Assert.Equal(3, handled.Count);
        Assert.Empty(await temp.Storage.ReadAsync([ConversationState.KeyFor("msteams", chat.ConversationId)]));
        Assert.Equal((1, 0), await StoredFeedback.CountsAsync(factory.Services, vote.GetProperty("topic").GetString()!));
    }

    private static JsonElement FirstSubmit(Activity card) =>
        CardReader.Actions(card).First(a => a.Type == "Action.Submit" && a.Data is not null).Data!.Value;
}
