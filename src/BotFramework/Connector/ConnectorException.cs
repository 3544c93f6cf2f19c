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

    /// <summary>
    /// Teams refused to deliver to a person: 403, which Teams answers when she blocked the bot
    /// (<c>ConversationBlockedByUser</c>) or the app is no longer installed for her. Never retried: a later
    /// proactive message to her must not be attempted until she writes to the bot again.
    /// </summary>
    public bool IsRecipientUnreachable => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>The 403 says she blocked the bot (as opposed to another refusal).</summary>
    public bool IsBlockedByUser => IsRecipientUnreachable && string.Equals(Error?.Error?.Code, BlockedByUserCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Teams' error code when the user blocked the bot.</summary>
    public const string BlockedByUserCode = "ConversationBlockedByUser";
}
