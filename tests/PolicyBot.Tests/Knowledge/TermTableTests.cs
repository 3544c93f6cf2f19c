using PolicyBot.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// The topic matcher keeps its vocabularies and its classifier's features as hashes (<see cref="TermTable"/>): it must
/// tell apart every string it holds, give each one place, and know nothing else, as the dictionaries it replaced did.
/// The routing figure tests check that no ranking moved.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TermTableTests
{
    [Fact]
    public void EveryStringHeld_HasOnePlace_AndDuplicatesShareIt()
    {
        string[] strings = ["commentaire", "hostile", "§commentaire hostile", "", "hostile", "Hostile", "é", "e\u0301"];
        var table = new TermTable(strings, out var places);

        Assert.Equal(7, table.Count); // "hostile" twice counts once; case and Unicode forms are other strings
        Assert.Equal(places[1], places[4]);
        Assert.Equal(7, places.Distinct().Count());
        Assert.All(places, p => Assert.InRange(p, 0, table.Count - 1));
        for (var i = 0; i < strings.Length; i++) Assert.Equal(places[i], table.IndexOf(strings[i]));
    }

    [Fact]
    public void StringsNotHeld_AreNotFound()
    {
        var table = new TermTable(["troll", "signaler", "bloquer"], out _);

        foreach (var other in new[] { "trolls", "Troll", "signale", "bloque r", "", "§troll signaler" })
        {
            Assert.Equal(-1, table.IndexOf(other));
            Assert.False(table.Contains(other));
        }
    }

    [Fact]
    public void TwoStringsWithOneHash_StopTheBuild()
    {
        // A hash that only reads the length: "abc" and "xyz" collide, and the table must say so rather than merge them.
        var error = Assert.Throws<InvalidDataException>(() => new TermTable(["abc", "de", "xyz"], out _, s => (ulong)s.Length));
        Assert.Contains("\"abc\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"xyz\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHash_IsFixed_SoEveryProcessReadsTheSameTable()
    {
        // Pinned values: a change of the function is seen here, not as a silent change of every model's layout.
        Assert.Equal(TermTable.Hash("commentaire"), TermTable.Hash(new string("commentaire".ToCharArray())));
        Assert.NotEqual(TermTable.Hash("ab"), TermTable.Hash("ba"));
        Assert.Equal(0xEFD01F60BA992926UL, TermTable.Hash(""));
        Assert.Equal(0x58DBA3B90F2C9440UL, TermTable.Hash("commentaire"));
    }

    [Fact]
    public void TheShippedVocabularies_HoldNoTwoStringsWithOneHash()
    {
        // Building the matcher over the shipped content builds every table; a collision would throw here first.
        var matcher = new TopicMatcher(ContentLibrary.Default);
        Assert.NotNull(matcher.Match("quelqu'un a laissé un commentaire haineux sur notre page", Language.Fr).Best);
        Assert.NotNull(matcher.Match("someone left a hostile comment on our page", Language.En).Best);
    }
}
