using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The topic classifier keeps each feature's row of weights as 16-bit steps of the row's own scale.</summary>
[Trait("Category", "Fast")]
public sealed class TopicClassifierWeightsTests
{
    [Fact]
    public void EveryWeight_IsWithinHalfAStepOfTheTrainedOne_AndTheLargestIsExact()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var row = new float[19];
            var magnitude = MathF.Pow(10, random.Next(-6, 3));
            for (var c = 0; c < row.Length; c++) row[c] = (float)(random.NextDouble() * 2 - 1) * magnitude;
            var steps = new short[row.Length];

            var step = TopicClassifier.Quantise(row, steps);

            var largest = row.Max(MathF.Abs);
            Assert.Equal(largest / short.MaxValue, step);
            for (var c = 0; c < row.Length; c++)
            {
                Assert.True(MathF.Abs(steps[c] * step - row[c]) <= step * 0.5f + largest * 1e-6f, $"trial {trial}, class {c}: {row[c]} kept as {steps[c]} × {step}");
                if (MathF.Abs(row[c]) == largest) Assert.Equal(short.MaxValue, Math.Abs(steps[c]));
            }
        }
    }

    [Fact]
    public void ARowOfZeros_StaysZero()
    {
        var steps = new short[] { 5, 5, 5 };
        Assert.Equal(0f, TopicClassifier.Quantise(new float[3], steps));
        Assert.All(steps, s => Assert.Equal(0, s));
    }

    [Fact]
    public void SignsAreKept()
    {
        var steps = new short[4];
        var step = TopicClassifier.Quantise([-2f, 1f, -0.5f, 2f], steps);
        Assert.Equal(new short[] { -32767, 16384, -8192, 32767 }, steps);
        Assert.Equal(2f / 32767, step);
    }
}
