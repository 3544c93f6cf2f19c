using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>
/// Azure Blob storage: one JSON blob per key in one container, with the blob's own ETag for the
/// conditional writes. The blob name is the key with <c>/</c> kept as virtual folders and every segment
/// percent-escaped (<c>msteams/users/29%3A1abc</c>). The container is created on first use.
/// </summary>
/// <remarks>
/// A conditional write whose response is lost (a timeout, a dropped connection) is sent again by the Azure
/// SDK's retry; if the first try was applied, the second finds the ETag changed and fails with 412. Reported as
/// a conflict, that would make the caller re-read and apply its change a second time. So each write carries,
/// in the blob's metadata, a random id of its own followed by the ids of the writes before it (as far as this
/// instance saw them); on a conflict the blob's metadata is read, and a write whose id is there was applied.
/// </remarks>
public sealed class BlobStorage : IListableStorage
{
    /// <summary>The longest blob name Azure accepts.</summary>
    public const int MaxBlobNameLength = 1024;

    /// <summary>The blob metadata that holds the ids of the last writes, newest first, comma-separated.</summary>
    internal const string WritesMetadataName = "writes";

    /// <summary>
    /// What a write that was applied and then replaced by someone else's returns: an ETag no blob has, so the
    /// caller's next conditional write with it is a conflict and re-reads the document.
    /// </summary>
    internal const string ReplacedETag = "\"0x0-replaced\"";

    /// <summary>
    /// How many write ids a blob keeps: how many writes can come between a lost response and its retry (the retry
    /// follows within seconds, and a document's writers are mostly one conversation's turns, one at a time).
    /// </summary>
    private const int WritesKept = 16;

    /// <summary>
    /// Past this many keys, the ids this instance remembers are dropped (about 0.3 KB a key at most); a write over a
    /// version it no longer remembers starts its list anew, which still recognises its own lost response.
    /// </summary>
    private const int WritesRememberedKeys = 256;

    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json" };

    /// <summary>Per key, the last ETag this instance read or wrote and the write ids stored with it.</summary>
    private readonly ConcurrentDictionary<string, (string ETag, string Writes)> _writes = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private Task? _containerReady;

    /// <summary>Uses a storage account connection string (development, Azurite).</summary>
    public BlobStorage(string connectionString, string containerName, BlobClientOptions? options = null)
        : this(new BlobServiceClient(connectionString, options ?? CreateDefaultClientOptions()).GetBlobContainerClient(containerName))
    {
    }

    /// <summary>Uses an account endpoint such as <c>https://account.blob.core.windows.net</c> and an Entra ID credential (managed identity).</summary>
    public BlobStorage(Uri serviceUri, TokenCredential credential, string containerName, BlobClientOptions? options = null)
        : this(new BlobServiceClient(serviceUri, credential, options ?? CreateDefaultClientOptions()).GetBlobContainerClient(containerName))
    {
    }

    /// <summary>Uses a container client configured by the caller.</summary>
    public BlobStorage(BlobContainerClient container) => Container = container ?? throw new ArgumentNullException(nameof(container));

    internal BlobContainerClient Container { get; }

    /// <summary>Where the documents are: the container's address (no credentials in it).</summary>
    public Uri ContainerUri => Container.Uri;

    /// <summary>
    /// Client options that fail fast: 3 tries with short exponential delays and a 5 s timeout per try,
    /// so a storage outage fails a turn within seconds instead of the SDK's default of minutes.
    /// </summary>
    public static BlobClientOptions CreateDefaultClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        // Per-request logging and tracing cost CPU on every turn; the host logs turn outcomes itself.
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        return options;
    }

    /// <summary>The blob name of a key (reversible with <see cref="KeyFromBlobName"/>).</summary>
    public static string ToBlobName(string key)
    {
        var name = StorageKeyEncoding.ToBlobName(key);
        if (name.Length > MaxBlobNameLength)
        {
            throw new ArgumentException($"The storage key is too long: its blob name has {name.Length} characters, Azure allows {MaxBlobNameLength}.", nameof(key));
        }
        return name;
    }

    public static string KeyFromBlobName(string blobName) => StorageKeyEncoding.Decode(blobName);

    public async Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoredDocument>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 1)
        {
            var key = keys.First();
            if (await ReadOneAsync(key, cancellationToken).ConfigureAwait(false) is { } document) result[key] = document;
            return result;
        }

        var reads = keys.Distinct(StringComparer.Ordinal).Select(async key => (key, document: await ReadOneAsync(key, cancellationToken).ConfigureAwait(false))).ToArray();
        foreach (var (key, document) in await Task.WhenAll(reads).ConfigureAwait(false))
        {
            if (document is not null) result[key] = document;
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 1)
        {
            // A turn's commit writes one document: no task per change to wait for together.
            var (key, change) = changes.First();
            return new Dictionary<string, string>(1, StringComparer.Ordinal) { [key] = await WriteOneAsync(key, change, cancellationToken).ConfigureAwait(false) };
        }
        var writes = changes.Select(async change => (change.Key, etag: await WriteOneAsync(change.Key, change.Value, cancellationToken).ConfigureAwait(false))).ToArray();
        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, etag) in await Task.WhenAll(writes).ConfigureAwait(false)) etags[key] = etag;
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return;
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(keys.Select(key => Container.GetBlobClient(ToBlobName(key)).DeleteIfExistsAsync(cancellationToken: cancellationToken))).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<StoredKey> ListAsync(string keyPrefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        // Keys are encoded segment by segment, so a prefix that ends a segment ("…/conversations/") maps to a blob name prefix.
        var namePrefix = keyPrefix.Length == 0 ? null
            : keyPrefix.EndsWith('/') ? ToBlobName(keyPrefix.TrimEnd('/')) + "/"
            : ToBlobName(keyPrefix);
        var pages = Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, namePrefix, cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                Page<BlobItem> page;
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false)) yield break;
                    page = pages.Current;
                }
                catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    yield break; // nothing was ever stored
                }
                foreach (var blob in page.Values)
                {
                    string key;
                    try
                    {
                        key = KeyFromBlobName(blob.Name);
                    }
                    catch (FormatException)
                    {
                        continue; // not a document this storage wrote
                    }
                    if (key.StartsWith(keyPrefix, StringComparison.Ordinal) && blob.Properties.LastModified is { } modified)
                    {
                        yield return new StoredKey(key, modified);
                    }
                }
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteIfUnchangedAsync(string key, string eTag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        try
        {
            var deleted = await Container.GetBlobClient(ToBlobName(key)).DeleteIfExistsAsync(
                conditions: new BlobRequestConditions { IfMatch = new ETag(eTag) }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return deleted.Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed || e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return false;
        }
    }

    private async Task<StoredDocument?> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(ToBlobName(key));
        BlobDownloadResult download;
        try
        {
            download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        JsonObject document;
        try
        {
            document = JsonNode.Parse(download.Content.ToMemory().Span, documentOptions: new JsonDocumentOptions { MaxDepth = BotJson.Options.MaxDepth })?.AsObject()
                ?? throw new InvalidDataException($"The stored document '{key}' is null.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"The stored document '{key}' is not a JSON object.", e);
        }
        var etag = download.Details.ETag.ToString();
        if (download.Details.Metadata is { } metadata && metadata.TryGetValue(WritesMetadataName, out var writes)) RememberWrites(key, etag, writes);
        return new StoredDocument(document, etag);
    }

    private async Task<string> WriteOneAsync(string key, StoredDocument change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // A block blob's single Put Blob: a state document is a few kilobytes, so BlobClient's staged upload (its
        // partitioned uploader deciding, on every write, that one request is enough) is skipped.
        var blob = Container.GetBlockBlobClient(ToBlobName(key));
        var content = JsonSerializer.SerializeToUtf8Bytes(change.Document, BotJson.Options);
        // Told apart, not secret: 63 random bits, so two of a blob's last 16 writes share an id with a chance of about 2^-56.
        var writeId = Random.Shared.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        var writes = change.ETag is { } replaced && _writes.TryGetValue(key, out var known) && known.ETag == replaced
            ? writeId + "," + FirstIds(known.Writes, WritesKept - 1)
            : writeId;
        var options = new BlobUploadOptions
        {
            HttpHeaders = JsonHeaders,
            Metadata = new Dictionary<string, string>(1) { [WritesMetadataName] = writes },
            Conditions = change.ETag switch
            {
                null => new BlobRequestConditions { IfNoneMatch = ETag.All },
                "*" => null,
                var etag => new BlobRequestConditions { IfMatch = new ETag(etag) },
            },
        };

        for (var attempt = 1; ; attempt++)
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var stream = new MemoryStream(content, writable: false);
                var response = await blob.UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
                var etag = response.Value.ETag.ToString();
                RememberWrites(key, etag, writes);
                return etag;
            }
            catch (RequestFailedException e) when (IsConflict(e, change.ETag))
            {
                // The conflict may be this very write, applied by a try whose response was lost.
                if (await FindAppliedWriteAsync(key, blob, writeId, cancellationToken).ConfigureAwait(false) is { } applied) return applied;
                throw new EtagConflictException(key, e);
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && attempt == 1)
            {
                // Someone deleted the container after it was created: create it again and retry once.
                lock (_gate) _containerReady = null;
            }
        }
    }

    /// <summary>
    /// After a conflict: whether the write <paramref name="writeId"/> is in the blob's list of writes. If it is the
    /// newest, its ETag is the blob's; if others came after it, <see cref="ReplacedETag"/>. Null: it was not applied.
    /// </summary>
    private async Task<string?> FindAppliedWriteAsync(string key, BlobBaseClient blob, string writeId, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!properties.Metadata.TryGetValue(WritesMetadataName, out var writes)) return null;
        var ids = writes.Split(',');
        if (ids[0] == writeId)
        {
            var etag = properties.ETag.ToString();
            RememberWrites(key, etag, writes);
            return etag;
        }
        return Array.IndexOf(ids, writeId) > 0 ? ReplacedETag : null;
    }

    private void RememberWrites(string key, string etag, string writes)
    {
        // Count takes the dictionary's locks: asked only when a key is new.
        if (!_writes.ContainsKey(key) && _writes.Count >= WritesRememberedKeys) _writes.Clear();
        _writes[key] = (etag, writes);
    }

    /// <summary>The first <paramref name="count"/> ids of a comma-separated list.</summary>
    private static string FirstIds(string writes, int count)
    {
        var end = -1;
        for (var i = 0; i < count; i++)
        {
            end = writes.IndexOf(',', end + 1);
            if (end < 0) return writes;
        }
        return writes[..end];
    }

    /// <summary>
    /// 412 ConditionNotMet: the ETag no longer matches; 409 BlobAlreadyExists: a create-only write found a
    /// blob; 404 on an If-Match write: the document was deleted since it was read.
    /// </summary>
    private static bool IsConflict(RequestFailedException e, string? expectedETag) =>
        e.Status == (int)HttpStatusCode.PreconditionFailed
        || (e.Status == (int)HttpStatusCode.Conflict && e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        || (e.Status == (int)HttpStatusCode.NotFound && e.ErrorCode == BlobErrorCode.BlobNotFound && expectedETag is not null);

    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var ready = Volatile.Read(ref _containerReady);
        if (ready is { IsCompletedSuccessfully: true }) return ready;
        lock (_gate)
        {
            // Shared by all callers, so one caller's cancellation must not fail it; a failure is retried by the next call.
            if (_containerReady is null || _containerReady.IsFaulted || _containerReady.IsCanceled)
            {
                _containerReady = Container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            }
            return _containerReady.WaitAsync(cancellationToken);
        }
    }
}
