using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// The topic index ranks with its own <see cref="Bm25"/> instead of a Lucene index (memory: issue 14). Its scores must
/// be the ones a Lucene index of the same fields gives, to the bit, so that no ranking moves: a real Lucene index is
/// built here from invented documents of many lengths, searched term by term with several boosts, and each hit's
/// score compared with <see cref="Bm25.Score"/> for the same field, document and frequency.
/// </summary>
[Trait("Category", "Fast")]
public sealed class Bm25Tests
{
    private const string TitleField = "title";
    private const string BodyField = "body";
    private static readonly string[] Fields = [TitleField, BodyField];

    // Invented documents: per field, its words. Lengths from 1 to 120, frequencies from 1 to 7, words in some documents only.
    private static readonly string[][] Documents =
    [
        ["troll", "troll comment page"],
        ["page mur", string.Join(' ', Enumerable.Repeat("comment", 7).Concat(Enumerable.Range(0, 40).Select(i => "mot" + i)))],
        ["comment haineux troll troll", "troll"],
        ["photo", string.Join(' ', Enumerable.Range(0, 120).Select(i => i % 5 == 0 ? "page" : "filler" + i))],
        ["page page page", "photo troll comment comment"],
    ];

    [Theory]
    [InlineData(1.2f, 0.75f)]
    [InlineData(0.9f, 0.4f)]
    [InlineData(2.0f, 1.0f)]
    public void EveryTermScore_IsLucenesToTheBit(float k1, float b)
    {
        var lengths = Fields.Select(field => Documents.Select(d => Bm25.EncodeLength(Words(d, field).Length)).ToArray()).ToArray();
        var means = Fields.Select(field => Bm25.MeanLength(Documents.Sum(d => (long)Words(d, field).Length), Documents.Length)).ToArray();
        var bm25 = new Bm25(k1, b, Documents.Length, lengths, means);
        using var reader = LuceneIndex(new SpreadSimilarity(k1, b, bm25));
        var searcher = new IndexSearcher(reader) { Similarity = new SpreadSimilarity(k1, b, bm25) };

        var compared = 0;
        foreach (var (field, f) in Fields.Select((field, f) => (field, f)))
        {
            foreach (var term in Documents.SelectMany(d => Words(d, field)).Distinct())
            {
                foreach (var boost in new[] { 1f, 2f, 0.5f, 1.3f })
                {
                    var hits = searcher.Search(new TermQuery(new Term(field, term)) { Boost = boost }, Documents.Length).ScoreDocs;
                    var spread = Documents.Count(d => Words(d, field).Contains(term));
                    Assert.Equal(spread, hits.Length);
                    foreach (var hit in hits)
                    {
                        var freq = Words(Documents[hit.Doc], field).Count(w => w == term);
                        var ours = bm25.Score(f, boost, bm25.Idf(spread), hit.Doc, freq);
                        Assert.True(BitConverter.SingleToInt32Bits(hit.Score) == BitConverter.SingleToInt32Bits(ours), $"{field}:{term} ×{boost} in document {hit.Doc}: Lucene {hit.Score:R}, ours {ours:R}");
                        compared++;
                    }
                }
            }
        }
        Assert.True(compared > 100, $"only {compared} scores compared");
    }

    [Fact]
    public void Lengths_AreKeptInOneByteAsLuceneKeepsThem()
    {
        // Lucene's byte for 1/√length: lengths close together share a byte, and a longer field never gets a larger byte.
        Assert.Equal(Bm25.EncodeLength(100), Bm25.EncodeLength(101));
        for (var length = 1; length < 5000; length++) Assert.True(Bm25.EncodeLength(length + 1) <= Bm25.EncodeLength(length));
        Assert.Equal(1f, Bm25.MeanLength(0, 19));
        Assert.Equal(2.5f, Bm25.MeanLength(10, 4));
    }

    private static string[] Words(string[] document, string field) => document[Array.IndexOf(Fields, field)].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static DirectoryReader LuceneIndex(Similarity similarity)
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        var config = new IndexWriterConfig(TopicAnalyzer.Version, new WhitespaceAnalyzer(TopicAnalyzer.Version)) { Similarity = similarity };
        using var writer = new IndexWriter(new RAMDirectory(), config);
        foreach (var document in Documents)
        {
            writer.AddDocument([.. Fields.Select(field => new Field(field, document[Array.IndexOf(Fields, field)], type))]);
        }
        return DirectoryReader.Open(writer, applyAllDeletes: false);
    }

    /// <summary>Lucene's BM25 with the idf <see cref="Bm25"/> takes across documents (here a term's document count).</summary>
    private sealed class SpreadSimilarity(float k1, float b, Bm25 bm25) : BM25Similarity(k1, b)
    {
        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats) =>
            new(bm25.Idf(termStats.DocFreq), "idf across documents");
    }
}
