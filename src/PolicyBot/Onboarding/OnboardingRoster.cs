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

    /// <summary>Applies <paramref name="change"/> to the staff lines; another person's progress saved at the same moment is read again and kept.</summary>
    private Task UpdateAsync(Func<JsonObject, bool> change, CancellationToken cancellationToken) =>
        storage.UpdateAsync(Key, document =>
        {
            if (document[StaffProperty] is not JsonObject staff)
            {
                staff = new JsonObject();
                document[StaffProperty] = staff;
            }
            return change(staff);
        }, cancellationToken);
}

/// <summary>One line of the managers' report.</summary>
public sealed record RosterEntry(string Name, int LessonsCompleted, DateTimeOffset? CompletedAt);
