using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;

namespace BotFramework.State;

/// <summary>
/// The embedded storage: one JSON file per key, <c>{"eTag":"…","document":{…}}</c>, replaced atomically
/// (temp file, flush, rename), so a reader never sees a partial file. The ETag check and the replace are
/// atomic within this process; use one process per folder (several instances need <see cref="BlobStorage"/>).
/// </summary>
public sealed class FileStorage : IListableStorage
{
    private const string Extension = ".json";
    private const string ChunkSuffix = "~";
    private const int MaxNameLength = 200;
    private const int LockStripes = 64;

    private readonly SemaphoreSlim[] _locks;

    public FileStorage(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        DeleteAbandonedTempFiles();
        _locks = new SemaphoreSlim[LockStripes];
        for (var i = 0; i < _locks.Length; i++) _locks[i] = new SemaphoreSlim(1, 1);
    }

    /// <summary>The absolute folder holding the documents.</summary>
    public string Folder { get; }

    public async Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoredDocument>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var bytes = await ReadFileAsync(PathForKey(key), cancellationToken).ConfigureAwait(false);
            if (bytes is not null) result[key] = Parse(key, bytes);
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        foreach (var (key, change) in changes)
        {
            ArgumentNullException.ThrowIfNull(change);
            etags[key] = await WriteOneAsync(key, change, cancellationToken).ConfigureAwait(false);
        }
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            var path = PathForKey(key);
            var gate = LockFor(key);
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                File.Delete(path);
            }
            catch (DirectoryNotFoundException)
            {
            }
            finally
            {
                gate.Release();
            }
        }
    }

    public async IAsyncEnumerable<StoredKey> ListAsync(string keyPrefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        await Task.Yield(); // enumerate off the caller's stack
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + Extension, SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string key;
            try
            {
                key = KeyFromRelativePath(Path.GetRelativePath(Folder, path));
            }
            catch (FormatException)
            {
                continue; // not a document this storage wrote
            }
            if (!key.StartsWith(keyPrefix, StringComparison.Ordinal)) continue;
            DateTime written;
            try
            {
                written = File.GetLastWriteTimeUtc(path);
            }
            catch (IOException)
            {
                continue;
            }
            yield return new StoredKey(key, new DateTimeOffset(written, TimeSpan.Zero));
        }
    }

    public async Task<bool> DeleteIfUnchangedAsync(string key, string eTag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        var path = PathForKey(key);
        var gate = LockFor(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
            if (existing is null || ReadETag(key, existing) != eTag) return false;
            File.Delete(path);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> WriteOneAsync(string key, StoredDocument change, CancellationToken cancellationToken)
    {
        var path = PathForKey(key);
        var newETag = Guid.NewGuid().ToString("N");
        var content = Serialize(newETag, change.Document);

        var gate = LockFor(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (change.ETag != "*")
            {
                var existing = await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
                var current = existing is null ? null : ReadETag(key, existing);
                if (current != change.ETag) throw new EtagConflictException(key);
            }
            await ReplaceFileAsync(path, content, cancellationToken).ConfigureAwait(false);
            return newETag;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task ReplaceFileAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"{ChunkSuffix}{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task<byte[]?> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            // Sharing delete lets a concurrent writer rename over the file while it is being read (Windows).
            var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.Asynchronous };
            await using var stream = new FileStream(path, options);
            var buffer = new byte[stream.Length];
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static byte[] Serialize(string etag, JsonObject document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BotJson.Options.Encoder, MaxDepth = BotJson.Options.MaxDepth + 1 }))
        {
            writer.WriteStartObject();
            writer.WriteString("eTag", etag);
            writer.WritePropertyName("document");
            document.WriteTo(writer, BotJson.Options);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static StoredDocument Parse(string key, byte[] content)
    {
        try
        {
            var root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { MaxDepth = BotJson.Options.MaxDepth + 1 })?.AsObject();
            if (root?["eTag"]?.GetValue<string>() is { } etag && root["document"] is JsonObject document)
            {
                root.Remove("document");
                return new StoredDocument(document, etag);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"The stored document '{key}' is not valid JSON.", e);
        }
        throw new InvalidDataException($"The stored document '{key}' has no eTag or document.");
    }

    private static string ReadETag(string key, byte[] content)
    {
        var reader = new Utf8JsonReader(content);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("eTag"u8))
                {
                    if (reader.Read() && reader.TokenType == JsonTokenType.String) return reader.GetString()!;
                    break;
                }
                reader.Skip();
            }
        }
        throw new InvalidDataException($"The stored document '{key}' has no eTag.");
    }

    /// <summary>Temp files are only left by a process that died mid-write; with one process per folder they are garbage.</summary>
    private void DeleteAbandonedTempFiles()
    {
        foreach (var temp in Directory.EnumerateFiles(Folder, $"{ChunkSuffix}*.tmp", SearchOption.AllDirectories))
        {
            File.Delete(temp);
        }
    }

    private SemaphoreSlim LockFor(string key) => _locks[(uint)StringComparer.Ordinal.GetHashCode(key) % LockStripes];

    /// <summary>
    /// The file of a key: its encoded name plus <c>.json</c>; a name too long for one file name is split
    /// into folders ending in <c>~</c> (a character the encoding always escapes, so nothing collides).
    /// </summary>
    internal string PathForKey(string key)
    {
        var name = StorageKeyEncoding.ToFileName(key);
        var path = Folder;
        while (name.Length > MaxNameLength)
        {
            path = Path.Combine(path, name[..MaxNameLength] + ChunkSuffix);
            name = name[MaxNameLength..];
        }
        return Path.Combine(path, name + Extension);
    }

    /// <summary>The key stored in a file, given its path relative to <see cref="Folder"/>.</summary>
    internal static string KeyFromRelativePath(string relativePath)
    {
        var parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (!parts[^1].EndsWith(Extension, StringComparison.Ordinal)) throw new FormatException($"'{relativePath}' is not a stored document.");
        var name = string.Concat(parts[..^1].Select(p => p.EndsWith(ChunkSuffix, StringComparison.Ordinal) ? p[..^ChunkSuffix.Length] : p))
            + parts[^1][..^Extension.Length];
        return StorageKeyEncoding.Decode(name);
    }
}
