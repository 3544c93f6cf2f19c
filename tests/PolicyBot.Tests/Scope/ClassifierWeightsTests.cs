using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The classifiers keep their trained weights sparse (<see cref="CrisisClassifier.Weights"/>): every slot must read
/// back the very float the dense table held, so that no score moves. The figure tests print the scores themselves.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ClassifierWeightsTests
{
    [Fact]
    public void EverySlot_ReadsBackTheDenseTablesFloat_ToTheBit()
    {
        var dense = new float[1 << 12];
        var random = new Random(7);
        for (var i = 0; i < dense.Length; i++)
        {
            // Mostly zeros, runs of weights across word boundaries, a negative zero and the extremes.
            dense[i] = random.Next(5) == 0 || (i >= 60 && i < 200) ? (float)(random.NextDouble() - 0.5) : 0f;
        }
        dense[63] = -0f;
        dense[64] = float.Epsilon;
        dense[dense.Length - 1] = float.MaxValue;
        var sparse = new CrisisClassifier.Weights(dense);
        Assert.Equal(dense.Count(w => BitConverter.SingleToInt32Bits(w) != 0), sparse.Count);
        for (var i = 0; i < dense.Length; i++) Assert.Equal(BitConverter.SingleToInt32Bits(dense[i]), BitConverter.SingleToInt32Bits(sparse[i]));
    }
}
