using System.Net;
using BotFramework.Testing;

namespace PolicyBot.Tests.Host;

/// <summary>
/// When Teams refuses a reply after the turn was saved, the reply is kept for Teams' re-delivery of the same
/// activity — its payload only: no display name, no Entra object id, no conversation name is stored.
/// </summary>
[Trait("Category", "Host")]
public sealed class UndeliveredRepliesTests : HostTestBase
{
    [Fact]
    public async Task AnUndeliveredReply_IsStoredWithoutWhoItWasFor_AndDeliveredReaddressedOnRedelivery()
    {
        var message = Teams.Message("menu", id: "1700000000888");
        message.Conversation!.Name = "Invented group chat name";
        Connector.Fail(HttpStatusCode.Forbidden);

        var failed = await Host.PostAsync(message);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var stored = string.Concat(Host.StoredFiles().Select(File.ReadAllText));
        Assert.Contains("_undelivered", stored);
        Assert.DoesNotContain("Test Worker", stored);
        Assert.DoesNotContain("00000000-0000-0000-0000-00000000c001", stored);
        Assert.DoesNotContain("Invented group chat name", stored);
        Assert.DoesNotContain(FakeConnector.RegionPath.Trim('/'), stored);

        var redelivered = await Host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var request = Assert.Single(Connector.Delivered);
        Assert.Equal($"{FakeConnector.RegionPath}v3/conversations/{Teams.ConversationId}/activities/{message.Id}", request.Path);
        Assert.Equal("29:user-0001", request.Activity!.Recipient!.Id);
        Assert.Equal(Infrastructure.TeamsActivities.BotId, request.Activity.From!.Id);
        Assert.Contains("What situation are you facing?", CardReader.VisibleText(request.Activity));
        Assert.DoesNotContain("_undelivered", string.Concat(Host.StoredFiles().Select(File.ReadAllText)));
    }
}
