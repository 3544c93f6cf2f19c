using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Policy;

/// <summary>
/// The organisation's policy as an append-only series of versions in storage. Each change creates
/// <c>policybot/policy/versions/{n}</c> (create-only: two managers can never both write version n),
/// then moves the pointer <c>policybot/policy/current</c> — a copy of the newest version — with its
/// ETag. A manager who loses the race for n re-applies only what they changed on top of the winner's
/// version, as n+1: neither change is lost, and no version is ever rewritten.
/// </summary>
public sealed class PolicyStore
{
    public const string CurrentKey = "policybot/policy/current";
    private const string VersionKeyPrefix = "policybot/policy/versions/";
    private const int MaxAttempts = 25;

    private readonly IStorage _storage;
    private readonly PolicyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PolicyStore> _logger;
    private readonly Lock _cacheLock = new();
    private (PolicyVersion Policy, DateTimeOffset ReadAt)? _cached;
    private Task<PolicyVersion>? _reading;

    public PolicyStore(IStorage storage, IOptions<PolicyOptions> options, TimeProvider time, ILogger<PolicyStore> logger)
    {
        _storage = storage;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many versions <c>policy history</c> shows.</summary>
    public int HistoryLength => _options.HistoryLength;

    private static string VersionKey(int version) => VersionKeyPrefix + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The current policy, read from storage unless this instance read or wrote it less than <see cref="PolicyOptions.CacheDuration"/> ago.
    /// Turns that find it out of date at the same moment share one read. Once three quarters of that time have passed,
    /// the first turn to ask starts a read in the background and goes on with the copy it has (still within the
    /// duration), so under steady traffic the copy is renewed before it expires and no turn waits for storage; only a
    /// turn that finds the copy fully expired (after a quiet spell) waits for the read.
    /// </summary>
    public async Task<PolicyVersion> CurrentAsync(CancellationToken cancellationToken = default)
    {
        Task<PolicyVersion> reading;
        lock (_cacheLock)
        {
            var duration = _options.CacheDuration;
            if (_cached is { } cached)
            {
                var age = _time.GetUtcNow() - cached.ReadAt;
                if (age < duration)
                {
                    if (age >= duration * 3 / 4) StartReading();
                    return cached.Policy;
                }
            }
            reading = StartReading();
        }
        return await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The read under way, or a new one (the caller holds the cache's lock).</summary>
    private Task<PolicyVersion> StartReading()
    {
        if (_reading is null || _reading.IsCompleted)
        {
            // Shared by the turns waiting for it, so no one turn's cancellation may end it. A read started in the
            // background is awaited by no one: its failure is logged and the next turn reads again.
            _reading = Task.Run(() => ReadCurrentAsync(CancellationToken.None), CancellationToken.None);
            _reading.ContinueWith(
                static (failed, state) => ((ILogger)state!).LogWarning(failed.Exception!.GetBaseException(), "Reading the current policy failed"),
                _logger, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return _reading;
    }

    /// <summary>The current policy, always read from storage.</summary>
    public async Task<PolicyVersion> ReadCurrentAsync(CancellationToken cancellationToken = default)
    {
        // Dated from before the read: storage held at least this version then, so the copy's age is never understated.
        var readAt = _time.GetUtcNow();
        var (current, _) = await ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        Remember(current, readAt);
        return current;
    }

    /// <summary>Applies a manager's changes as a new version; returns the version created, or none when nothing changed.</summary>
    public async Task<PolicyCommit> ChangeAsync(PolicyAuthor by, IReadOnlyDictionary<string, string?> wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(wanted);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (current, pointerETag) = await ReadPointerAsync(cancellationToken).ConfigureAwait(false);
            var next = current.Apply(wanted, by, _time.GetUtcNow());
            if (next is null)
            {
                Remember(current);
                return new PolicyCommit(null, current);
            }

            try
            {
                await _storage.WriteAsync(One(VersionKey(next.Version), next, etag: null), cancellationToken).ConfigureAwait(false);
            }
            catch (EtagConflictException)
            {
                // Someone else created this version first (perhaps without moving the pointer yet): catch up and try the next number.
                _logger.LogInformation("Policy version {Version} was created by someone else first; applying the change on top of it", next.Version);
                await CatchUpAsync(next.Version, pointerETag, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await MovePointerAsync(next, pointerETag, cancellationToken).ConfigureAwait(false);
            Remember(next);
            _logger.LogInformation("Policy version {Version} saved with {Changes} changes", next.Version, next.Changes.Count);
            return new PolicyCommit(next, next);
        }
        throw new EtagConflictException(CurrentKey);
    }

    /// <summary>The newest versions first, at most <paramref name="count"/>; version 0 is not listed.</summary>
    public async Task<IReadOnlyList<PolicyVersion>> HistoryAsync(int count, CancellationToken cancellationToken = default)
    {
        var current = await ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
        var keys = Enumerable.Range(0, Math.Min(count, current.Version)).Select(i => VersionKey(current.Version - i)).ToList();
        if (keys.Count == 0) return [];
        var found = await _storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        return [.. keys.Where(found.ContainsKey).Select(k => Parse(found[k].Document))];
    }

    private async Task<(PolicyVersion Policy, string? ETag)> ReadPointerAsync(CancellationToken cancellationToken)
    {
        var found = await _storage.ReadAsync([CurrentKey], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(CurrentKey, out var stored) ? (Parse(stored.Document), stored.ETag) : (PolicyVersion.Initial, null);
    }

    /// <summary>Version <paramref name="version"/> exists but the pointer (read with <paramref name="pointerETag"/>) is behind it: move the pointer.</summary>
    private async Task CatchUpAsync(int version, string? pointerETag, CancellationToken cancellationToken)
    {
        var key = VersionKey(version);
        var found = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(key, out var stored)) return;
        try
        {
            await _storage.WriteAsync(One(CurrentKey, Parse(stored.Document), pointerETag), cancellationToken).ConfigureAwait(false);
        }
        catch (EtagConflictException)
        {
            // The pointer moved meanwhile: whoever moved it is ahead of us. Read it again.
        }
    }

    private async Task MovePointerAsync(PolicyVersion created, string? pointerETag, CancellationToken cancellationToken)
    {
        var etag = pointerETag;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                await _storage.WriteAsync(One(CurrentKey, created, etag), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException)
            {
                // The pointer only ever moves from n to n+1, so if it moved it already reached our version (another
                // manager caught up to it) or went past it. Either way the newest version is in place.
                var (now, nowETag) = await ReadPointerAsync(cancellationToken).ConfigureAwait(false);
                if (now.Version >= created.Version) return;
                if (now.Version != created.Version - 1) return;
                etag = nowETag;
            }
        }
    }

    private void Remember(PolicyVersion policy, DateTimeOffset? readAt = null)
    {
        lock (_cacheLock)
        {
            if (_cached is { } cached && cached.Policy.Version > policy.Version) return;
            _cached = (policy, readAt ?? _time.GetUtcNow());
        }
    }

    private static Dictionary<string, StoredDocument> One(string key, PolicyVersion policy, string? etag) =>
        new(1, StringComparer.Ordinal) { [key] = new StoredDocument((JsonObject)JsonSerializer.SerializeToNode(policy, BotJson.Options)!, etag) };

    private static PolicyVersion Parse(JsonObject document) =>
        document.Deserialize<PolicyVersion>(BotJson.Options) ?? PolicyVersion.Initial;
}
