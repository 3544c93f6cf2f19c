using System.Text;
using System.Text.Json;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>The organisation's policy on every card costs no storage call per turn while it is cached (the ≤ 3 calls per situation turn budget).</summary>
[Trait("Category", "Host")]
public sealed class PolicyStorageCallsTests
{
    [Fact]
    public async Task SituationTurns_EndingOnACardWithTheOrganisationsChoices_StayWithinThreeStorageCalls()
    {
        using var temp = new TempStorage();
        var counting = new CountingStorage(temp.Storage);
        await using var connector = await FakeConnector.StartAsync();
        using var host = new BotHost(new Dictionary<string, string?> { ["PolicyBot:Policy:CacheDuration"] = "00:05:00" });
        using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStorage>(counting)));
        using var client = factory.CreateClient();
        var chat = new TeamsActivities(connector.ServiceUrl);

        async Task<long> TurnAsync(Activity activity)
        {
            counting.Reset();
            using var content = new StringContent(JsonSerializer.Serialize(activity, BotJson.Options), Encoding.UTF8, "application/json");
            var response = await client.PostAsync("/api/messages", content);
            Assert.True(response.IsSuccessStatusCode);
            return counting.Calls;
        }

        await TurnAsync(chat.Message("help")); // the first turn of this instance reads the policy
        var calls = new[]
        {
            await TurnAsync(chat.Submit(new { action = "situation", situation = "hostile-comment" })),
            await TurnAsync(chat.Submit(new { choice = "disagreement", situation = "hostile-comment", question = "what-kind" })),
            await TurnAsync(chat.Submit(new { choice = "open-and-correct", situation = "hostile-comment", question = "our-stance" })),
        };

        Assert.Contains("divergent-opinions", connector.Messages[^1].Attachments![0].Content!.ToString());
        Assert.All(calls, c => Assert.InRange(c, 1, 3));
    }
}
