using System.Runtime;

namespace PolicyBot.Web.Hosting;

/// <summary>
/// Once the host has started (content loaded and checked, the matcher's indexes and the classifiers built), gives back
/// what start-up needed only while it ran: one full, compacting collection, the large-object heap included, that
/// returns the freed pages to the system. Building leaves large arrays behind on the large-object heap (training
/// copies, index buffers) that an ordinary collection frees but never compacts, so their pages stayed resident for
/// the life of the process. It runs once, when the host starts listening: a turn that arrives in that instant waits
/// for it once, none after.
/// </summary>
internal sealed class StartupMemoryRelease(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Release);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
