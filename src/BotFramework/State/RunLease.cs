using System.Collections.Concurrent;

namespace BotFramework.State;

/// <summary>
/// One holder at a time for a named piece of background work (a reminder run), across every instance that shares
/// the storage: the first to ask gets the lease, the others get null and skip the run. A lease that its holder
/// stops renewing (a crashed instance) expires on its own.
/// </summary>
public interface IRunLease
{
    /// <summary>The lease named <paramref name="name"/>, or null when another holder has it. Dispose the result to release it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>Builds the <see cref="IRunLease"/> that goes with Azure Blob storage (registered by <c>AddBotFrameworkAzure</c>).</summary>
public delegate IRunLease BlobRunLeaseFactory(StorageOptions options, IServiceProvider services);

/// <summary>
/// A lease held in this process only: right for <see cref="FileStorage"/> and in-memory storage, which one process
/// uses at a time. Taken without waiting; released when the returned handle is disposed.
/// </summary>
public sealed class InProcessRunLease : IRunLease
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _leases = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var gate = _leases.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0, cancellationToken) ? new Held(gate) : null);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
