using System.Net;
using System.Text;

namespace BotFramework.Tests.Hosting;

/// <summary>A JSON body whose length is not known up front, so it is sent chunked.</summary>
internal sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnknownLengthContent(string json)
    {
        _bytes = Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // In small pieces, so the endpoint reads more than one chunk.
        for (var offset = 0; offset < _bytes.Length; offset += 1000)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(1000, _bytes.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
