using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>
/// The document's copies: from storage or from this instance's cache, confirmed before they count, with the
/// versions of other documents the conversation vouches for.
/// </summary>
public abstract partial class BotState
{
    /// <summary>
    /// Reads the document a copy from the cache stands for: the same version (for a copy taken as new, none), and the
    /// copy counts as read; another, and the turn runs again on what is stored (<see cref="EtagConflictException"/>).
    /// </summary>
    private async Task ConfirmAsync(CachedState copy, CancellationToken cancellationToken)
    {
        if (!copy.FromCache) return;
        var found = await Storage.ReadAsync([copy.Key], cancellationToken).ConfigureAwait(false);
        if (found.TryGetValue(copy.Key, out var stored) ? stored.ETag == copy.ETag : copy.ETag is null)
        {
            copy.FromCache = false;
            return;
        }
        Cache?.Remove(copy.Key);
        throw new EtagConflictException(copy.Key);
    }

    private CachedState FromStored(string key, StoredDocument stored)
    {
        var document = stored.Document;
        var touchedAt = TouchedAtOf(document);
        document.Remove(TouchedAtProperty);
        List<string>? vouched = null;
        if (document.TryGetPropertyValue(VouchedProperty, out var list))
        {
            if (list is JsonArray array) vouched = [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()];
            document.Remove(VouchedProperty);
        }

        var saved = JsonSerializer.SerializeToUtf8Bytes(document, BotJson.Options);
        if (stored.ETag is { } etag) Cache?.Set(key, saved, touchedAt, vouched, etag);
        return WithExpiry(key, document, saved, touchedAt, vouched, stored.ETag);
    }

    private CachedState FromContent(string key, byte[] content, DateTimeOffset? touchedAt, IReadOnlyList<string>? vouched, string etag)
    {
        var document = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = BotJson.Options.MaxDepth })?.AsObject() ?? new JsonObject();
        return WithExpiry(key, document, content, touchedAt, vouched, etag);
    }

    private CachedState WithExpiry(string key, JsonObject document, byte[] saved, DateTimeOffset? touchedAt, IReadOnlyList<string>? vouched, string? etag)
    {
        var expired = ExpireAfter is { } ttl && touchedAt is { } touched && TimeProvider.GetUtcNow() - touched >= ttl;

        // An expired document starts empty but keeps its ETag, so the next write still checks nobody else wrote it.
        return expired
            ? new CachedState(key, etag, new JsonObject(), saved) { Expired = true, Vouched = vouched }
            : new CachedState(key, etag, document, saved) { Vouched = vouched };
    }

    /// <summary>
    /// What this commit point's document lists after the turn: the states it vouches for that the turn loaded,
    /// as they are now (saved before it), then what it listed before, at most <see cref="MaxVouched"/>.
    /// </summary>
    private List<string>? VouchedAfterTurn(ITurnContext turnContext, CachedState state)
    {
        if (_vouchedFor.Count == 0) return state.Vouched is null ? null : [.. state.Vouched];
        var now = new List<string>();
        foreach (var dependent in _vouchedFor)
        {
            if (dependent.Cached(turnContext) is { ETag: { } etag } loaded) now.Add(VouchEntry(loaded.Key, etag));
        }
        if (now.Count == 0) return state.Vouched is null ? null : [.. state.Vouched];
        var prefixes = now.Select(v => v[..(v.IndexOf(':') + 1)]).ToHashSet(StringComparer.Ordinal);
        foreach (var earlier in state.Vouched ?? [])
        {
            if (now.Count >= MaxVouched) break;
            if (!prefixes.Contains(earlier[..(earlier.IndexOf(':') + 1)])) now.Add(earlier);
        }
        return now;
    }

    /// <summary>"hash:etag": 12 hex digits of the key's SHA-256 (the key names a user; this does not), and the document's ETag.</summary>
    private static string VouchEntry(string key, string etag)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..6]) + ":" + etag;
    }

    /// <summary>
    /// Whether this turn may take the document as new without reading it (<see cref="StateCache.GuessesUnseenAreNew"/>):
    /// this instance never met it, and the turn's own conditional write checks it — the commit point, or a document
    /// holding the commit point as a part (a copy a commit point vouches for is never a guess: absence is not vouched).
    /// </summary>
    private bool MayGuessNew(ITurnContext turnContext, string key) =>
        Cache is { } cache
        && (_vouchedBy is null || (_vouchedBy._host == this && _vouchedBy.IsInside(turnContext)))
        && cache.MayGuessNew(key);

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a is null || a.Count == 0) ? (b is null || b.Count == 0) : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);
}
