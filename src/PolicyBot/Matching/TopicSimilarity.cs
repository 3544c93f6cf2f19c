using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace PolicyBot.Matching;

/// <summary>
/// BM25 whose rarity (IDF) of a term is measured across topics, all fields together, instead of field by
/// field: "commentaire" is in nearly every topic's examples, and must not look rare just because a single
/// topic has it in its title.
/// </summary>
internal sealed class TopicSimilarity(float k1, float b, Func<string, double> topicSpread, int topicCount) : BM25Similarity(k1, b)
{
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
    {
        var spread = topicSpread(termStats.Term.Utf8ToString());
        var idf = Math.Log(1 + (topicCount - spread + 0.5) / (spread + 0.5));
        return new Explanation((float)idf, "idf across topics");
    }
}
