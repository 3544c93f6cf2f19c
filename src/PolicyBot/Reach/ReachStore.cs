using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;

namespace PolicyBot.Reach;

/// <summary>
/// One <see cref="ReachRecord"/> per person, keyed by her Teams user id (the id a join event, a mention and her
/// own messages all carry). Every change is conditional on the ETag read, so two instances handling the same
/// join cannot both claim the welcome.
/// </summary>
public sealed class ReachStore(IStorage storage)
{
    public const string KeyPrefix = "policybot/reach/";

    public static string KeyFor(string userId) => KeyPrefix + userId;

    public async Task<ReachRecord?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(userId);
        var read = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(key, out var stored) ? stored.Document.Deserialize<ReachRecord>(BotJson.Options) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to her record (a new one when there is none) and saves it; false, and
    /// nothing written, when <paramref name="change"/> says there is nothing to do. Retries when another turn wrote first.
    /// </summary>
    public Task<bool> UpdateAsync(string userId, Func<ReachRecord, bool> change, CancellationToken cancellationToken = default) =>
        storage.UpdateAsync(KeyFor(userId), change, BotJson.Options, cancellationToken);

    /// <summary>Deletes her record; returns whether there was one.</summary>
    public async Task<bool> ForgetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(userId);
        var read = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (read.Count == 0) return false;
        await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        return true;
    }
}
