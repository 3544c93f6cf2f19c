using System.Net;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.Tests.Builder;
using BotFramework.Tests.Connector;

namespace BotFramework.Tests.Hosting;

/// <summary>Invokes through the endpoint: the bot's answer is the HTTP response, unanswered is 501.</summary>
[Trait("Category", "Host")]
public sealed class CloudAdapterInvokeTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static Task<BotHost> StartAsync(IBot bot) => BotHost.StartAsync(bot);

    [Fact]
    public async Task Invoke_AnswersWithTheBotsStatusAndBody()
    {
        var bot = new CallbackBot(turn => turn.InvokeResponse = new InvokeResponse(200, new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = "Reported, thank you." }));
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(TeamsRequests.Invoke(_connector.ServiceUrl, InvokeNames.AdaptiveCardAction, JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"report"}}""")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Reported, thank you."}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Invoke_WithABadActionExecute_Is400WithTheErrorBody()
    {
        await using var host = await StartAsync(new CardHandler());

        using var response = await host.PostAsync(TeamsRequests.Invoke(_connector.ServiceUrl, InvokeNames.AdaptiveCardAction, JsonNode.Parse("""{"action":{"type":"Action.Submit"}}""")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"The invoke has no Action.Execute."}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData(InvokeNames.AdaptiveCardAction)]
    public async Task Invoke_TheBotDoesNotAnswer_Is501(string name)
    {
        await using var host = await StartAsync(new CardHandler());

        using var response = await host.PostAsync(TeamsRequests.Invoke(_connector.ServiceUrl, name, JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"unknown"}}""")));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_StatusWithoutBody_HasAnEmptyBody()
    {
        await using var host = await StartAsync(new CallbackBot(turn => turn.InvokeResponse = new InvokeResponse(202)));

        using var response = await host.PostAsync(TeamsRequests.Invoke(_connector.ServiceUrl, "task/submit", new JsonObject()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RedeliveredInvoke_IsAnEmpty200()
    {
        var bot = new CallbackBot(turn => turn.InvokeResponse = new InvokeResponse(200, new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = "Reported." }));
        await using var host = await StartAsync(bot);
        var invoke = TeamsRequests.Invoke(_connector.ServiceUrl, InvokeNames.AdaptiveCardAction, JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"report"}}"""));

        using var first = await host.PostAsync(invoke);
        using var second = await host.PostAsync(invoke);

        Assert.Contains("Reported.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, bot.Calls);
    }

    /// <summary>Handles Action.Execute "report" only; everything else is left unanswered.</summary>
    private sealed class CardHandler : ActivityHandler
    {
        protected override Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
            Task.FromResult(invokeValue.Action?.Verb == "report" ? new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = "Reported." } : null);
    }
}
