using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Reminders;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Reminders.ReminderScenario;

namespace PolicyBot.Tests.Reminders;

/// <summary>
/// Two instances of the web host on one Blob container (Azurite), one Connector, one clock: their reminder passes
/// at the same moment send her one reminder, not two — through the Blob lease, and, should two passes overlap
/// anyway, through the conditional write that claims each reminder.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class ReminderAzuriteTests(AzuriteFixture azurite)
{
    private Dictionary<string, string?> SharedContainer() => new()
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:ContainerName"] = $"reminders-{Guid.NewGuid():N}"[..40],
    };

    [Fact]
    public async Task TwoHostsOnOneContainer_PassingAtTheSameTime_SendOneReminder()
    {
        var settings = SharedContainer();
        await using var connector = await FakeConnector.StartAsync();
        var clock = new ManualClock(TuesdayTenAm);
        await using var first = await StartAsync(settings, clock: clock, connector: connector);
        await using var second = await StartAsync(settings, clock: clock, connector: connector);
        Assert.IsType<BlobRunLease>(first.Host.Services.GetRequiredService<IRunLease>());

        await first.StartOnboardingAsync();
        clock.Advance(TimeSpan.FromDays(7));
        var passes = await Task.WhenAll(PassTwiceAsync(first), PassTwiceAsync(second));

        Assert.Single(connector.Messages, IsReminder);
        Assert.Equal(1, passes.Sum(p => p.Sent));
        Assert.Equal(1, (await second.Store.ReadAsync(StaffId))!.RemindersSent);
    }

    [Fact]
    public async Task TwoPassesThatOverlapDespiteTheLease_StillSendOneReminder()
    {
        // Each host with a lease of its own that always grants: both passes run over the same records at once.
        var settings = SharedContainer();
        await using var connector = await FakeConnector.StartAsync();
        var clock = new ManualClock(TuesdayTenAm);
        static void OwnLease(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IRunLease>(new InProcessRunLease()));
        await using var first = await StartAsync(settings, clock: clock, connector: connector, configureServices: OwnLease);
        await using var second = await StartAsync(settings, clock: clock, connector: connector, configureServices: OwnLease);

        await first.StartOnboardingAsync();
        clock.Advance(TimeSpan.FromDays(7));
        var reminders = new[] { first, second }.Select(h => h.Host.Services.GetRequiredService<ReminderService>()).ToArray();
        var passes = await Task.WhenAll(reminders.Select(r => r.RunOnceAsync()));

        Assert.All(passes, p => Assert.True(p.Ran));
        Assert.Equal(1, passes.Sum(p => p.Sent));
        Assert.Single(connector.Messages, IsReminder);
    }

    [Fact]
    public async Task TheBlobLease_IsHeldByOneAtATime_AndFreeAgainOnceReleased()
    {
        var settings = SharedContainer();
        var container = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, settings["Storage:ContainerName"]);
        var one = new BlobRunLease(container);
        var other = new BlobRunLease(container);

        var held = await one.TryAcquireAsync("a-run");
        Assert.NotNull(held);
        Assert.Null(await other.TryAcquireAsync("a-run"));
        Assert.NotNull(await other.TryAcquireAsync("another-run"));
        await held.DisposeAsync();
        await using var next = await other.TryAcquireAsync("a-run");
        Assert.NotNull(next);
    }

    private static bool IsReminder(BotFramework.Schema.Activity message) =>
        message.Conversation?.Id == ChatId && CardReader.VisibleText(message).Contains("Your onboarding is waiting for you", StringComparison.Ordinal);

    private static async Task<ReminderService.Pass> PassTwiceAsync(ReminderScenario host)
    {
        var service = host.Host.Services.GetRequiredService<ReminderService>();
        var a = await service.RunOnceAsync();
        var b = await service.RunOnceAsync();
        return new ReminderService.Pass(a.Ran || b.Ran, a.Sent + b.Sent, a.Unreachable + b.Unreachable, a.Failed + b.Failed);
    }
}
