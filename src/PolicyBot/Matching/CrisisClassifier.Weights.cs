using System.Numerics;

namespace PolicyBot.Matching;

/// <summary>How a trained model keeps its weights once training is over (see <see cref="Weights"/>).</summary>
public sealed partial class CrisisClassifier
{
    /// <summary>
    /// The trained weights of one model, kept sparse: of the 2^19 hashed slots a corpus this size fills a few tens of
    /// thousands, so the dense table (2 MB of floats, mostly zeros, one per model and four models in the bot) is cut
    /// down to a bitmap of the slots that hold a weight (64 KB), the count of set bits before each 64-slot word
    /// (32 KB) and the weights themselves in slot order. A slot reads the same float the dense table held, to the
    /// bit (a slot left out held a zero), so every score is what it was; a lookup is a bit test, and for a
    /// slot that holds a weight, a population count.
    /// </summary>
    internal sealed class Weights
    {
        private readonly ulong[] _bits;
        private readonly int[] _before;
        private readonly float[] _values;

        /// <summary>Keeps the slots of <paramref name="dense"/> whose float is not +0 (a −0 is kept, so each slot reads back the same bits).</summary>
        public Weights(float[] dense)
        {
            _bits = new ulong[(dense.Length + 63) / 64];
            _before = new int[_bits.Length];
            var count = 0;
            for (var slot = 0; slot < dense.Length; slot++)
            {
                if (BitConverter.SingleToInt32Bits(dense[slot]) != 0) count++;
            }
            _values = new float[count];
            var n = 0;
            for (var word = 0; word < _bits.Length; word++)
            {
                _before[word] = n;
                var end = Math.Min(dense.Length, (word + 1) * 64);
                for (var slot = word * 64; slot < end; slot++)
                {
                    if (BitConverter.SingleToInt32Bits(dense[slot]) == 0) continue;
                    _bits[word] |= 1UL << (slot & 63);
                    _values[n++] = dense[slot];
                }
            }
        }

        /// <summary>How many slots hold a weight.</summary>
        public int Count => _values.Length;

        /// <summary>The weight of <paramref name="slot"/>: the dense table's float, or zero.</summary>
        public float this[int slot]
        {
            get
            {
                var word = slot >> 6;
                var bits = _bits[word];
                var bit = 1UL << (slot & 63);
                return (bits & bit) == 0 ? 0f : _values[_before[word] + BitOperations.PopCount(bits & (bit - 1))];
            }
        }
    }
}
