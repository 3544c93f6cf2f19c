using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotFramework.Hosting;

/// <summary>
/// Graceful shutdown. When the host is told to stop (SIGTERM: an App Service restart, scale-in, slot swap) the
/// gate closes: new requests get 503 with <c>Retry-After</c> (Teams sends them again, to another instance), while
/// turns already taken go on saving and delivering. Only if they are still running after
/// <see cref="ShutdownOptions.ShutdownGracePeriod"/> are they cancelled. The host waits that long plus a margin.
/// </summary>
public sealed class TurnGate : IDisposable
{
    private readonly CancellationTokenSource _cancelTurns = new();
    private readonly TimeSpan _gracePeriod;
    private readonly TimeProvider _time;
    private readonly ILogger<TurnGate> _logger;
    private ITimer? _timer;
    private int _closed;

    public TurnGate(IOptions<ShutdownOptions> options, IHostApplicationLifetime lifetime, ILogger<TurnGate> logger, TimeProvider? time = null)
    {
        _gracePeriod = options.Value.ShutdownGracePeriod;
        _time = time ?? TimeProvider.System;
        _logger = logger;
        lifetime.ApplicationStopping.Register(Close);
    }

    /// <summary>The host is stopping: no new turn is taken.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    /// <summary>Cancelled when the grace period is over: the turns still running then are stopped.</summary>
    public CancellationToken TurnsCancelled => _cancelTurns.Token;

    /// <summary>Closes the gate and starts the grace period (once).</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return;
        _logger.LogInformation("Stopping: new turns are refused with 503; running turns have {GracePeriod} to save and deliver", _gracePeriod);
        _timer = _time.CreateTimer(_ => CancelTurns(), null, _gracePeriod, Timeout.InfiniteTimeSpan);
    }

    private void CancelTurns()
    {
        _logger.LogWarning("The shutdown grace period ({GracePeriod}) is over: turns still running are cancelled", _gracePeriod);
        try { _cancelTurns.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _cancelTurns.Dispose();
    }

    internal static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>()
            .Bind(configuration.GetSection(BotHostOptions.SectionName))
            .ValidateWithMessages(o => o.Validate());
        services.AddSingleton(sp => new TurnGate(
            sp.GetRequiredService<IOptions<ShutdownOptions>>(), sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<TurnGate>>(), sp.GetService<TimeProvider>()));
        // The host waits for running requests until its own shutdown timeout: the grace period and a margin to answer.
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
        {
            var wanted = shutdown.Value.ShutdownGracePeriod + TimeSpan.FromSeconds(5);
            if (host.ShutdownTimeout < wanted) host.ShutdownTimeout = wanted;
        });
    }
}

/// <summary>How long running turns may go on once the host is told to stop (section <c>Bot</c>).</summary>
public sealed class ShutdownOptions
{
    /// <summary>
    /// Running turns get this long to save and deliver after SIGTERM. Keep it shorter than the time the platform
    /// waits before it kills the process; a turn normally takes well under a second, a throttled one a few.
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(20);

    public IEnumerable<string> Validate()
    {
        if (ShutdownGracePeriod < TimeSpan.Zero || ShutdownGracePeriod > TimeSpan.FromMinutes(5))
        {
            yield return "Bot:ShutdownGracePeriod must be between 00:00:00 and 00:05:00.";
        }
    }
}
