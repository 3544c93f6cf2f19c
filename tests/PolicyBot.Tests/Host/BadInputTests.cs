using System.Net;
using System.Text.Json;
using BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>Bad requests get a clear status and reason, and change nothing.</summary>
[Trait("Category", "Host")]
public sealed class BadInputTests : HostTestBase
{
    [Fact]
    public async Task MalformedJson_Is400() =>
        await AssertRefusedAsync(await Host.PostRawAsync("{\"type\":\"message\",", "application/json"), HttpStatusCode.BadRequest, "not valid JSON");

    [Fact]
    public async Task ABodyWithoutType_Is400()
    {
        var activity = Teams.Message("hello");
        activity.Type = null;
        await AssertRefusedAsync(await Host.PostAsync(activity), HttpStatusCode.BadRequest, "no type");
    }

    [Fact]
    public async Task ABodyWithoutConversation_Is400()
    {
        var activity = Teams.Message("hello");
        activity.Conversation = null;
        await AssertRefusedAsync(await Host.PostAsync(activity), HttpStatusCode.BadRequest, "no conversation id");
    }

    [Fact]
    public async Task AWrongContentType_Is415() =>
        await AssertRefusedAsync(await Host.PostRawAsync(JsonSerializer.Serialize(Teams.Message("hi"), BotJson.Options), "text/plain"), HttpStatusCode.UnsupportedMediaType, "application/json");

    [Fact]
    public async Task AOneMegabyteBody_Is413()
    {
        var activity = Teams.Message(new string('x', 1024 * 1024));
        await AssertRefusedAsync(await Host.PostAsync(activity), HttpStatusCode.RequestEntityTooLarge, "larger than");
    }

    [Fact]
    public async Task AnUnknownActivityType_Is200_AndIgnored()
    {
        var response = await Host.PostAsync(Teams.Of("somethingNew"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Requests);
        Assert.Empty(Host.StoredFiles());
    }

    [Fact]
    public async Task UnknownCardData_GetsAFriendlyMessageAndTheMenu()
    {
        var response = await Host.PostAsync(Teams.Submit(new { action = "no-such-thing" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("That button is no longer valid. Here's the menu.", Connector.Messages[0].Text);
        Assert.Contains("What situation are you facing?", BotFramework.Testing.CardReader.VisibleText(Connector.Messages[1]));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Empty(Connector.Requests);
        Assert.Empty(Host.StoredFiles());
    }
}
