using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>The content and card files travel beside the assembly, every one of them, byte for byte, and nothing else is read through them.</summary>
[Trait("Category", "Fast")]
public sealed class ShippedFilesTests
{
    [Fact]
    public void Names_AreTheRepositorysContentAndCardFiles_ByteForByte()
    {
        var root = RoutingSets.RepositoryRoot();
        var content = Path.Combine(root, "src", "PolicyBot", "Knowledge", "Content");
        var expected = Directory.EnumerateFiles(content, "*.json", SearchOption.AllDirectories)
            .Append(Path.Combine(content, "guide", "social-media-policy-guide.fr.txt"))
            .Select(path => (Name: "content/" + Path.GetRelativePath(content, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "cards"), "*.json").Select(path => (Name: "cards/" + Path.GetFileName(path), Path: path)))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected.Select(file => file.Name), ShippedFiles.Names);
        Assert.Contains("content/synonyms.json", ShippedFiles.Names);
        Assert.Contains("cards/guideline.json", ShippedFiles.Names);
        foreach (var (name, path) in expected)
        {
            using var stream = ShippedFiles.OpenRequired(name);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(copy.ToArray()), $"{name} differs from {path}");
        }
    }

    [Fact]
    public void AFileLeftInTheOutputFolder_IsNotShipped()
    {
        // What a topic file deleted from the repository leaves behind: its copy from an earlier build.
        var stale = Path.Combine(ShippedFiles.Root, "content", "topics", "zz-left-by-an-earlier-build.json");
        File.WriteAllText(stale, File.ReadAllText(Path.Combine(ShippedFiles.Root, "content", "synonyms.json")));
        try
        {
            var names = ShippedFiles.ListNames(); // read afresh, not the list cached by an earlier test
            Assert.DoesNotContain("content/topics/zz-left-by-an-earlier-build.json", names);
            Assert.Equal(ShippedFiles.Names, names);
        }
        finally
        {
            File.Delete(stale);
        }
    }

    [Fact]
    public void AMissingFile_IsNullToOpen_AndANamedErrorWhenRequired()
    {
        Assert.Null(ShippedFiles.Open("content/topics/no-such-topic.json"));
        var error = Assert.Throws<InvalidDataException>(() => ShippedFiles.OpenRequired("cards/no-such-card.json"));
        Assert.Contains("Missing shipped file cards/no-such-card.json", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("appsettings.json")]
    [InlineData("PolicyBot.dll")]
    [InlineData("content/../appsettings.json")]
    [InlineData("/etc/hostname")]
    [InlineData("contents/synonyms.json")]
    public void ANameOutsideContentAndCards_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => ShippedFiles.Open(name));
}
