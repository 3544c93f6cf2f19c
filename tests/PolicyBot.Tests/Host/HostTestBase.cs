using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>The real host in process (file storage), a local Connector listener, and Teams-shaped activities addressed to it.</summary>
public abstract class HostTestBase : IAsyncLifetime
{
    protected FakeConnector Connector { get; private set; } = null!;

    protected BotHost Host { get; private set; } = null!;

    protected TeamsActivities Teams { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Host = new BotHost();
        Teams = new TeamsActivities(Connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
