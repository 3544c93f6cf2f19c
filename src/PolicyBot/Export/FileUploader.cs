using System.Net.Http.Headers;

namespace PolicyBot.Export;

/// <summary>Puts a file's bytes at the upload URL Teams gave when she accepted the file (her OneDrive): one <c>PUT</c>, no token.</summary>
public interface IFileUploader
{
    Task UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken);
}

/// <summary>
/// The upload Teams documents for file consent: <c>PUT</c> the whole file with <c>Content-Range: bytes 0-(n-1)/n</c>.
/// Only https (loopback http is allowed for this machine's tests); the bot's token is never sent, the URL carries its own authorisation.
/// </summary>
public sealed class HttpFileUploader(IHttpClientFactory httpClientFactory) : IFileUploader
{
    public const string HttpClientName = "PolicyBot.FileUpload";

    public async Task UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        ArgumentNullException.ThrowIfNull(content);
        if (uploadUrl.Scheme != Uri.UriSchemeHttps && !(uploadUrl.Scheme == Uri.UriSchemeHttp && uploadUrl.IsLoopback))
        {
            throw new ArgumentException("The upload URL must be https.", nameof(uploadUrl));
        }
        using var body = new ByteArrayContent(content);
        body.Headers.ContentLength = content.Length;
        body.Headers.ContentRange = new ContentRangeHeaderValue(0, Math.Max(0, content.Length - 1), content.Length);
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = body };
        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The file upload was answered {(int)response.StatusCode}.", null, response.StatusCode);
    }
}
