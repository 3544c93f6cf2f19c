using PolicyBot.Matching;

namespace PolicyBot.Tests.Knowledge;

/// <summary>
/// The spelling table on its own, with a vocabulary small enough to know every answer: each kind of slip is put
/// right, a form two words share goes to the more used one (then the first in ordinal order), and what must be left
/// alone is. The matcher's figure tests and <see cref="SynonymAndSpellingTests"/> cover it with the real content.
/// </summary>
[Trait("Category", "Fast")]
public sealed class TermSpellingTests
{
    private static readonly TermSpelling Spelling = new(new Dictionary<string, double>
    {
        ["harassment"] = 3,
        ["comment"] = 5,
        ["friend"] = 2,
        ["bande"] = 1,
        ["bonde"] = 4,
        ["carte"] = 2,
        ["corte"] = 2,
        ["page"] = 7,
        ["e-mail"] = 1,
    });

    [Theory]
    [InlineData("harasment", "harassment")] // a letter missing
    [InlineData("commennt", "comment")] // a letter added
    [InlineData("commemt", "comment")] // a letter changed
    [InlineData("commnet", "comment")] // two letters swapped
    [InlineData("frend", "friend")]
    public void ASlip_IsPutRight(string typed, string meant) => Assert.Equal(meant, Spelling.Correct(typed));

    [Fact]
    public void AFormTwoWordsShare_GoesToTheMoreUsedOne() => Assert.Equal("bonde", Spelling.Correct("bunde"));

    [Fact]
    public void AFormTwoEquallyUsedWordsShare_GoesToTheFirstInOrdinalOrder() => Assert.Equal("carte", Spelling.Correct("curte"));

    [Theory]
    [InlineData("comment")] // known
    [InlineData("pagz")] // four letters: one slip makes another real word
    [InlineData("e-mall")] // not all letters
    [InlineData("zzzzzzz")] // nothing near
    [InlineData("harassmentsss")] // two slips away
    public void WhatIsNotOneSlipFromAWord_IsLeftAsTyped(string typed) => Assert.Same(typed, Spelling.Correct(typed));
}
