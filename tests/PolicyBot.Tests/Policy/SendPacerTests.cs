using PolicyBot.Policy;

namespace PolicyBot.Tests.Policy;

/// <summary>Card updates are spaced to stay inside Teams' limits: per thread, and in all.</summary>
[Trait("Category", "Fast")]
public sealed class SendPacerTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SendsIntoOneChannel_AreSpacedToSevenPerSecond()
    {
        var pacer = new SendPacer(perThreadPerSecond: 7, overallPerSecond: 50, _clock);

        var waits = Enumerable.Range(0, 8).Select(_ => pacer.Reserve("19:general@thread.tacv2")).ToList();

        Assert.Equal(TimeSpan.Zero, waits[0]);
        Assert.InRange(waits[1].TotalMilliseconds, 142.8, 143);
        Assert.True(waits[7] >= TimeSpan.FromSeconds(1), "The eighth send into one thread waits a whole second.");
    }

    [Fact]
    public void SendsIntoDifferentChannels_AreLimitedOnlyByTheOverallRate()
    {
        var pacer = new SendPacer(perThreadPerSecond: 7, overallPerSecond: 20, _clock);

        var waits = Enumerable.Range(0, 20).Select(i => pacer.Reserve($"19:channel-{i}@thread.tacv2")).ToList();

        Assert.InRange(waits[^1].TotalMilliseconds, 949, 951);
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 20), waits[1]);
    }

    [Fact]
    public void AfterAQuietMoment_TheNextSendGoesAtOnce()
    {
        var pacer = new SendPacer(perThreadPerSecond: 7, overallPerSecond: 20, _clock);
        pacer.Reserve("a");
        pacer.Reserve("a");

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("a"));
    }
}
