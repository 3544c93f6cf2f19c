using BotFramework.State;

namespace BotFramework.Tests.State;

[Trait("Category", "Fast")]
public sealed class StorageKeyEncodingTests
{
    [Theory]
    [InlineData("msteams/users/29:1abc", "msteams/users/29%3A1abc")]
    [InlineData("msteams/conversations/19:x@thread.tacv2;messageid=17", "msteams/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D17")]
    [InlineData("msteams/conversations/a:1Xy-_.z", "msteams/conversations/a%3A1Xy-_.z")]
    [InlineData("a b/ü", "a%20b/%C3%BC")]
    [InlineData("/a//b/", "%2Fa%2F/b%2F")]
    [InlineData("x/../y.", "x/.%2E/y%2E")]
    public void BlobName_KeepsFoldersAndEscapesTheRest(string key, string blobName)
    {
        Assert.Equal(blobName, BlobStorage.ToBlobName(key));
        Assert.Equal(key, BlobStorage.KeyFromBlobName(blobName));
    }

    [Theory]
    [InlineData("msteams/users/29:1abc", "msteams%2Fusers%2F29%3A1abc")]
    [InlineData("Test/A", "%54est%2F%41")]
    public void FileName_IsFlat_AndEscapesUpperCase(string key, string fileName)
    {
        Assert.Equal(fileName, StorageKeyEncoding.ToFileName(key));
        Assert.Equal(key, StorageKeyEncoding.Decode(fileName));
    }

    [Fact]
    public void AKeyWhoseBlobNameIsTooLong_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BlobStorage.ToBlobName(new string(':', 400)));

        Assert.Contains("1024", error.Message);
    }

    [Fact]
    public void AKeyWithABrokenSurrogate_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => BlobStorage.ToBlobName("users/\ud800x"));
    }

    [Theory]
    [InlineData("abc%")]
    [InlineData("abc%4")]
    [InlineData("abc%zz")]
    [InlineData("%C3")]
    public void Decoding_ANameThatIsNotAnEncodedKey_Fails(string name)
    {
        Assert.Throws<FormatException>(() => StorageKeyEncoding.Decode(name));
    }

    [Fact]
    public void FilePath_OfAVeryLongKey_IsSplitIntoFolders_AndDecodesBack()
    {
        using var folder = new TempFolder();
        var storage = new FileStorage(folder.Path);
        var key = "msteams/conversations/" + new string('Q', 300);

        var path = storage.PathForKey(key);
        var relative = Path.GetRelativePath(storage.Folder, path);

        Assert.All(relative.Split(Path.DirectorySeparatorChar), part => Assert.True(part.Length <= 205));
        Assert.Equal(key, FileStorage.KeyFromRelativePath(relative));
    }
}
