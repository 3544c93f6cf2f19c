namespace PolicyBot.Matching;

/// <summary>
/// BM25 as Lucene 4.8 computes it (<c>BM25Similarity</c>), with the idf taken across topics instead of field by field
/// (<c>log(1 + (topics − spread + 0.5) / (spread + 0.5))</c>: "commentaire" is in nearly every topic's examples, and
/// must not look rare just because a single topic has it in its title). A field's length is kept in one byte as
/// Lucene keeps it (<c>SmallSingle.SingleToByte315(1/√length)</c>), and every step is done in the same precision
/// (floats) and order, so a term's score in a field is the one a Lucene index of the same fields gives, to the bit
/// (<c>Bm25Tests</c> compare them). The topic index used a Lucene index until its memory was measured: the index
/// writer's code and tables cost the host more than the few lines below.
/// </summary>
internal sealed class Bm25
{
    private static readonly float[] DecodedLength = DecodeTable();

    private readonly float _k1;
    private readonly int _docs;
    private readonly byte[][] _lengths;
    private readonly float[][] _lengthFactor;

    /// <param name="k1">Lucene's <c>k1</c>.</param>
    /// <param name="b">Lucene's <c>b</c>.</param>
    /// <param name="docs">How many documents (topics) the index holds.</param>
    /// <param name="lengths">Per field, each document's length as <see cref="EncodeLength"/> keeps it.</param>
    /// <param name="meanLength">Per field, its terms over all documents divided by <paramref name="docs"/> (1 when it has none).</param>
    public Bm25(float k1, float b, int docs, byte[][] lengths, float[] meanLength)
    {
        _k1 = k1;
        _docs = docs;
        _lengths = lengths;
        _lengthFactor = new float[lengths.Length][];
        for (var field = 0; field < lengths.Length; field++)
        {
            var factor = _lengthFactor[field] = new float[256];
            var mean = meanLength[field];
            for (var i = 0; i < factor.Length; i++) factor[i] = k1 * ((1 - b) + b * DecodedLength[i] / mean);
        }
    }

    /// <summary>How rare a term spread over <paramref name="spread"/> documents is.</summary>
    public float Idf(double spread) => (float)Math.Log(1 + (_docs - spread + 0.5) / (spread + 0.5));

    /// <summary>A term's score in one field of one document, where it occurs <paramref name="freq"/> times.</summary>
    public float Score(int field, float boost, float idf, int doc, int freq)
    {
        var weight = idf * boost * (_k1 + 1);
        float f = freq;
        return weight * f / (f + _lengthFactor[field][_lengths[field][doc]]);
    }

    /// <summary>A field's length (its terms, less those at the same position as the one before) in one byte, as Lucene keeps it.</summary>
    public static byte EncodeLength(int length) => Lucene.Net.Util.SmallSingle.SingleToByte315(1f / (float)Math.Sqrt(length));

    /// <summary>The mean length Lucene uses for a field: its terms over all documents, divided by their number.</summary>
    public static float MeanLength(long terms, int docs) => terms <= 0 ? 1f : (float)(terms / (double)docs);

    private static float[] DecodeTable()
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            var f = Lucene.Net.Util.SmallSingle.Byte315ToSingle((byte)i);
            table[i] = 1f / (f * f);
        }
        return table;
    }
}
