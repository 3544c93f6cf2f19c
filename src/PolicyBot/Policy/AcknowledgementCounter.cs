using System.Globalization;
using System.Text.Json.Nodes;
using BotFramework.State;

namespace PolicyBot.Policy;

/// <summary>
/// How many people acknowledged each version of a topic's policy: counts only, in one document
/// (<c>policybot/policy/acknowledgements</c>), merged through its ETag. Who acknowledged is kept only
/// in each person's own user state, so "forget me" removes it.
/// </summary>
public sealed class AcknowledgementCounter(IStorage storage)
{
    public const string Key = "policybot/policy/acknowledgements";

    public async Task<int> AddAsync(string topicId, int version, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await storage.UpdateAsync(Key, document =>
        {
            var perVersion = document[topicId] as JsonObject ?? new JsonObject();
            var name = Name(version);
            count = (perVersion[name]?.GetValue<int>() ?? 0) + 1;
            perVersion[name] = count;
            if (perVersion.Parent is null) document[topicId] = perVersion;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return count;
    }

    public async Task<int> CountAsync(string topicId, int version, CancellationToken cancellationToken = default)
    {
        var document = await storage.ReadOrNewAsync(Key, cancellationToken).ConfigureAwait(false);
        return (document[topicId] as JsonObject)?[Name(version)]?.GetValue<int>() ?? 0;
    }

    private static string Name(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);
}
