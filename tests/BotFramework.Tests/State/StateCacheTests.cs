using BotFramework.State;

namespace BotFramework.Tests.State;

public sealed class StateCacheTests
{
    /// <summary>
    /// Turns on several threads keep remembering documents past the cache's capacity while one of them trims it:
    /// trimming must never throw (it once sorted the live dictionary, which fails when another turn adds to it during
    /// the copy), and the cache stays bounded.
    /// </summary>
    [Fact]
    public async Task ManyTurnsAddingAtOnce_PastCapacity_NeverFailATurn_AndTheCacheStaysBounded()
    {
        var cache = new StateCache(capacity: 64);
        var content = "{}"u8.ToArray();

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 100_000; i++) cache.Set($"conversations/writer-{w}-{i}", content, null, null, "\"etag\"");
        }));
        await Task.WhenAll(writers);

        Assert.InRange(cache.Count, 1, 64 + 8 * 64);
        cache.Set("conversations/last", content, null, null, "\"etag\"");
        Assert.True(cache.TryGet("conversations/last", out var entry));
        Assert.Equal("\"etag\"", entry.ETag);
    }
}
