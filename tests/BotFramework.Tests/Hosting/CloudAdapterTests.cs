using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Tests.Builder;
using BotFramework.Tests.Connector;
using BotFramework.Tests.Schema;

namespace BotFramework.Tests.Hosting;

/// <summary>The endpoint in local mode (no app id): request checks, dispatch, answers, and what is saved and sent.</summary>
[Trait("Category", "Host")]
public sealed class CloudAdapterTests : IAsyncLifetime
{
    private const int BodyLimit = 4096;
    private static readonly Dictionary<string, string?> Settings = new() { ["Bot:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private readonly ConcurrentQueue<Activity> _received = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    /// <summary>A bot that records what it receives and answers every message.</summary>
    private CallbackBot AnsweringBot() => new(async (turn, ct) =>
    {
        _received.Enqueue(turn.Activity);
        if (turn.Activity.Type == ActivityTypes.Message) await turn.SendActivityAsync("answer", ct);
    });

    private Task<BotHost> StartAsync(IBot bot) => BotHost.StartAsync(bot, Settings);

    private JsonObject Message() => TeamsRequests.Message(_connector.ServiceUrl);

    public static TheoryData<string, int, string, string> Refusals => new()
    {
        { "text/plain content type", 415, "UnsupportedMediaType", "Content-Type must be application/json." },
        { "form content type", 415, "UnsupportedMediaType", "Content-Type must be application/json." },
        { "no content type", 415, "UnsupportedMediaType", "Content-Type must be application/json." },
        { "body over the limit", 413, "PayloadTooLarge", "The body is larger than 4096 bytes." },
        { "chunked body over the limit", 413, "PayloadTooLarge", "The body is larger than 4096 bytes." },
        { "malformed JSON", 400, "BadRequest", "The body is not valid JSON for an activity." },
        { "JSON array", 400, "BadRequest", "The body is not valid JSON for an activity." },
        { "wrongly typed member", 400, "BadRequest", "The body is not valid JSON for an activity." },
        { "JSON null", 400, "BadRequest", "The body is not an activity." },
        { "no type", 400, "BadRequest", "The activity has no type." },
        { "blank type", 400, "BadRequest", "The activity has no type." },
        { "no channelId", 400, "BadRequest", "The activity has no channelId." },
        { "no conversation", 400, "BadRequest", "The activity has no conversation id." },
        { "empty conversation id", 400, "BadRequest", "The activity has no conversation id." },
        { "no serviceUrl", 400, "BadRequest", "The activity has no valid serviceUrl." },
        { "relative serviceUrl", 400, "BadRequest", "The activity has no valid serviceUrl." },
        { "ftp serviceUrl", 400, "BadRequest", "The activity has no valid serviceUrl." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task BadRequest_IsRefusedWithAReason_WithoutCallingTheBotOrSavingOrSending(string scenario, int status, string code, string reason)
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await SendBadAsync(host, scenario);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal($$$"""{"error":{"code":"{{{code}}}","message":"{{{reason}}}"}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, bot.Calls);
        Assert.Empty(host.StoredFiles);
        Assert.Empty(_connector.Requests);
    }

    private Task<HttpResponseMessage> SendBadAsync(BotHost host, string scenario) => scenario switch
    {
        "text/plain content type" => host.PostAsync(Message().ToJsonString(), "text/plain"),
        "form content type" => host.PostAsync(Message().ToJsonString(), "application/x-www-form-urlencoded"),
        "no content type" => host.PostAsync(Message().ToJsonString(), contentType: null),
        "body over the limit" => host.PostAsync(Message().With(a => a["text"] = new string('x', BodyLimit)).ToJsonString()),
        "chunked body over the limit" => host.SendAsync(new UnknownLengthContent(Message().With(a => a["text"] = new string('x', BodyLimit)).ToJsonString())),
        "malformed JSON" => host.PostAsync("{\"type\":\"message\",\"channelId\":\"msteams\","),
        "JSON array" => host.PostAsync("[]"),
        "wrongly typed member" => host.PostAsync(Message().With(a => a["conversation"] = "a:1").ToJsonString()),
        "JSON null" => host.PostAsync("null"),
        "no type" => host.PostAsync(Message().With(a => a.Remove("type"))),
        "blank type" => host.PostAsync(Message().With(a => a["type"] = " ")),
        "no channelId" => host.PostAsync(Message().With(a => a.Remove("channelId"))),
        "no conversation" => host.PostAsync(Message().With(a => a.Remove("conversation"))),
        "empty conversation id" => host.PostAsync(Message().With(a => a["conversation"]!["id"] = "")),
        "no serviceUrl" => host.PostAsync(Message().With(a => a.Remove("serviceUrl"))),
        "relative serviceUrl" => host.PostAsync(Message().With(a => a["serviceUrl"] = FakeConnector.RegionPath)),
        "ftp serviceUrl" => host.PostAsync(Message().With(a => a["serviceUrl"] = "ftp://127.0.0.1/emea/")),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    [Fact]
    public async Task Message_RunsTheBot_SavesTheConversation_AndRepliesThroughTheConnector()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var received = Assert.Single(_received);
        Assert.Equal("post hostile", received.Text);
        Assert.Equal(TeamsRequests.Conversation, received.Conversation!.Id);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{TeamsRequests.ConversationEscaped}/activities/1740819600123", reply.Target);
        Assert.Null(reply.Authorization);
        var sent = WireJson.Deserialize<Activity>(reply.Body)!;
        Assert.Equal("answer", sent.Text);
        Assert.Equal("1740819600123", sent.ReplyToId);
        Assert.Equal("29:1user", sent.Recipient!.Id);
        var stored = Assert.Single(host.StoredFiles);
        Assert.Equal("msteams/conversations/" + TeamsRequests.Conversation, FileStorage.KeyFromRelativePath(Path.GetRelativePath(host.StorageFolder, stored)));
    }

    [Fact]
    public async Task Message_KeepsPropertiesTheLibraryDoesNotModel()
    {
        await using var host = await StartAsync(AnsweringBot());
        var message = Message().With(a =>
        {
            a["futureField"] = new JsonObject { ["nested"] = new JsonArray(1, "two") };
            a["from"]!["userRole"] = "user";
        });

        using var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ActivityJsonTests.AssertSameJson(message.ToJsonString(), WireJson.Serialize(Assert.Single(_received)), dateTimePaths: ["$.timestamp"]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=utf-8")]
    [InlineData("application/vnd.microsoft.activity+json")]
    public async Task JsonContentTypes_AreAccepted(string contentType)
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message().ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Calls);
    }

    [Fact]
    public async Task BodyExactlyAtTheLimit_IsAccepted()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);
        var message = Message();
        var padding = BodyLimit - Encoding.UTF8.GetByteCount(message.ToJsonString());
        message["text"] = "post hostile" + new string(' ', padding);
        Assert.Equal(BodyLimit, Encoding.UTF8.GetByteCount(message.ToJsonString()));

        using var response = await host.SendAsync(new UnknownLengthContent(message.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, bot.Calls);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.MessageUpdate)]
    [InlineData(ActivityTypes.MessageDelete)]
    [InlineData(ActivityTypes.EndOfConversation)]
    [InlineData("someFutureType")]
    public async Task UnknownOrUnhandledType_Is200_WithoutRunningThePipeline(string type)
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message().With(a => a["type"] = type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, bot.Calls);
        Assert.Empty(host.StoredFiles);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.Event)]
    public async Task HandledNonMessageType_RunsTheBot_And200(string type)
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message().With(a => a["type"] = type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, Assert.Single(_received).Type);
    }

    [Fact]
    public async Task BotThatThrows_Is500_AndNothingIsSavedOrSent()
    {
        var bot = new CallbackBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync("half an answer", ct);
            throw new InvalidOperationException("secret user text must not leak");
        });
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"error":{"code":"InternalError","message":"The turn failed; nothing was saved. Please try again."}}""", body);
        Assert.Equal(1, bot.Calls);
        Assert.Empty(host.StoredFiles);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task RedeliveredMessage_RunsTheBotOnce_AndRepliesOnce()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var first = await host.PostAsync(Message());
        using var second = await host.PostAsync(Message());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, bot.Calls);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task ConnectorFailure_WhenDeliveringTheReply_Is500()
    {
        _connector.Enqueue(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Get_IsNotAllowed()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, bot.Calls);
    }

    [Fact]
    public async Task TokenSentInLocalMode_Is401()
    {
        var bot = AnsweringBot();
        await using var host = await StartAsync(bot);

        using var response = await host.PostAsync(Message(), token: "eyJhbGciOiJub25lIn0.e30.");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, bot.Calls);
    }
}
