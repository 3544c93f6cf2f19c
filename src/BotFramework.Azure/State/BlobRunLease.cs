using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BotFramework.State;

/// <summary>
/// <see cref="IRunLease"/> for several instances sharing one storage account: a Blob lease on a small empty blob
/// (<c>leases/{name}</c>) in the state container. The lease lasts <see cref="LeaseDuration"/> and is renewed while
/// held, so an instance that dies loses it within a minute; a second instance asking meanwhile gets 409 and null.
/// </summary>
public sealed class BlobRunLease(BlobContainerClient container) : IRunLease
{
    /// <summary>The longest finite lease Azure grants (15 to 60 seconds).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);
    private int _containerChecked;

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Interlocked.Exchange(ref _containerChecked, 1) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        var blob = container.GetBlobClient("leases/" + Uri.EscapeDataString(name));
        try
        {
            // Created once, empty; never written again (the lease is what matters).
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists already (412 when it is leased by someone right now).
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
        return new Held(lease);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease)
        {
            _lease = lease;
            _renewing = RenewAsync(_stop.Token);
        }

        private async Task RenewAsync(CancellationToken stop)
        {
            using var timer = new PeriodicTimer(RenewEvery);
            try
            {
                while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
                {
                    await _lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (RequestFailedException)
            {
                // Lost (storage unreachable past the lease's minute): the run's conditional writes still keep sends single.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Already expired or taken over: nothing to release.
            }
        }
    }
}
