using BotFramework.Schema;
using Microsoft.AspNetCore.Http;

namespace BotFramework.Hosting;

/// <summary>The HTTP side of <see cref="CloudAdapter"/>'s checks: the content type, a body read up to its limit, a refusal with its reason.</summary>
internal static class HttpRequestChecks
{
    internal static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim() is var media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    internal static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return (default, true);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return (default, true);
            buffer.Write(chunk, 0, read);
        }
        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }

    internal static Task RefuseAsync(HttpResponse response, int status, string reason)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ErrorResponse { Error = new Error { Code = ReasonCode(status), Message = reason } }, BotJson.Options);
    }

    internal static string ReasonCode(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        413 => "PayloadTooLarge",
        415 => "UnsupportedMediaType",
        429 => "TooManyRequests",
        503 => "ServiceUnavailable",
        _ => "InternalError",
    };
}
