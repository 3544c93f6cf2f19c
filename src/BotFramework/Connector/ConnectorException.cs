using System.Net;
using BotFramework.Schema;

namespace BotFramework.Connector;

/// <summary>The Connector answered with an error status (after retries, where the status is retryable).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, ErrorResponse? error, string operation)
        : base($"{operation} failed with {(int)statusCode} {statusCode}{(error?.Error?.Code is { } code ? $" ({code})" : "")}.")
    {
        StatusCode = statusCode;
        Error = error;
    }

    public HttpStatusCode StatusCode { get; }

    public ErrorResponse? Error { get; }
}
