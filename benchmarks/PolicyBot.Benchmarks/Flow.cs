using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.Testing;

namespace PolicyBot.Benchmarks;

/// <summary>
/// The conversation ../shared/perf/load.py plays against the bot over HTTP, played in process: the text
/// "someone left a hostile comment on our page", then, twice, the <c>data</c> of the first <c>Action.Submit</c>
/// (in document order) of the last card the bot sent.
/// </summary>
internal static class Flow
{
    public const string FirstMessage = "someone left a hostile comment on our page";
    public const int Turns = 3;

    /// <summary>Plays the three turns; returns each turn's time in milliseconds. <paramref name="beforeTurn"/> is called with the turn's number (1–3).</summary>
    public static async Task<double[]> RunAsync(TestAdapter adapter, IBot bot, Action<int>? beforeTurn = null)
    {
        var times = new double[Turns];
        JsonObject? data = null;
        for (var turn = 1; turn <= Turns; turn++)
        {
            var activity = turn == 1 ? adapter.MakeMessage(FirstMessage) : adapter.MakeSubmit(data!);
            beforeTurn?.Invoke(turn);
            var start = Stopwatch.GetTimestamp();
            await adapter.SendAsync(activity, bot);
            times[turn - 1] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            JsonNode? lastCard = null;
            var replied = false;
            while (adapter.GetNextReply() is { } reply)
            {
                replied = true;
                foreach (var attachment in reply.Attachments ?? [])
                {
                    if (attachment.ContentType == Attachment.AdaptiveCardContentType) lastCard = AsNode(attachment.Content);
                }
            }
            if (!replied) throw new InvalidOperationException($"The bot did not answer turn {turn}.");
            if (turn < Turns)
            {
                data = FirstSubmitData(lastCard) ?? throw new InvalidOperationException($"Turn {turn} sent no card with an Action.Submit to go on.");
            }
        }
        return times;
    }

    private static JsonNode? AsNode(object? content) => content switch
    {
        null => null,
        JsonNode node => node,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        var other => JsonSerializer.SerializeToNode(other, BotFramework.Schema.BotJson.Options),
    };

    /// <summary>The <c>data</c> of the first Action.Submit, body before actions as written (what load.py picks).</summary>
    private static JsonObject? FirstSubmitData(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValueKind() == JsonValueKind.String && obj["type"]!.GetValue<string>() == "Action.Submit")
                {
                    return obj["data"] as JsonObject is { } d ? (JsonObject)d.DeepClone() : new JsonObject();
                }
                foreach (var (_, child) in obj)
                {
                    if (FirstSubmitData(child) is { } found) return found;
                }
                return null;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (FirstSubmitData(child) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }
}
