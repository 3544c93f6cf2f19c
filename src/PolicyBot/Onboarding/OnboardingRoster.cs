using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;

namespace PolicyBot.Onboarding;

/// <summary>
/// Who has started onboarding, for the managers' report (user state cannot be listed). One document
/// holds, per person (keyed by Entra object id), only the Teams display name, how many lessons she
/// completed and when she finished — no answers, no scores. Concurrent updates merge through the ETag.
/// </summary>
public sealed class OnboardingRoster(IStorage storage)
{
    public const string Key = "policybot/onboarding/roster";
    private const string StaffProperty = "staff";
    private const int MaxAttempts = 10;

    /// <summary>The roster key of the person who sent the activity: her Entra object id, else her channel id.</summary>
    public static string? StaffId(Activity activity) =>
        !string.IsNullOrEmpty(activity.From?.AadObjectId) ? activity.From.AadObjectId : activity.From?.Id;

    /// <summary>Adds or replaces a person's line.</summary>
    public Task SetAsync(string staffId, RosterEntry entry, CancellationToken cancellationToken = default) =>
        UpdateAsync(staff =>
        {
            staff[staffId] = JsonSerializer.SerializeToNode(entry, BotJson.Options);
            return true;
        }, cancellationToken);

    /// <summary>Removes a person's line; returns whether there was one.</summary>
    public async Task<bool> RemoveAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var removed = false;
        await UpdateAsync(staff => removed = staff.Remove(staffId), cancellationToken).ConfigureAwait(false);
        return removed;
    }

    public async Task<IReadOnlyList<RosterEntry>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(Key, out var stored) || stored.Document[StaffProperty] is not JsonObject staff) return [];
        return [.. staff.Select(p => p.Value?.Deserialize<RosterEntry>(BotJson.Options)).OfType<RosterEntry>()];
    }

    /// <summary>Reads the document, applies <paramref name="change"/> and writes it only if it changed, retrying when another turn wrote first.</summary>
    private async Task UpdateAsync(Func<JsonObject, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
            var (document, etag) = read.TryGetValue(Key, out var stored) ? (stored.Document, stored.ETag) : (new JsonObject(), null);
            if (document[StaffProperty] is not JsonObject staff)
            {
                staff = new JsonObject();
                document[StaffProperty] = staff;
            }
            if (!change(staff)) return;
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoredDocument> { [Key] = new(document, etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (EtagConflictException) when (attempt < MaxAttempts)
            {
                // Another person's progress was saved at the same moment: read again and apply ours.
            }
        }
    }
}

/// <summary>One line of the managers' report.</summary>
public sealed record RosterEntry(string Name, int LessonsCompleted, DateTimeOffset? CompletedAt);
