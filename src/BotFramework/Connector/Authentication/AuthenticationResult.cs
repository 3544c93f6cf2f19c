using System.Security.Claims;

namespace BotFramework.Connector.Authentication;

/// <summary>The outcome of authenticating one inbound request: an identity, or a short reason for a 401.</summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(bool succeeded, ClaimsIdentity? identity, string? issuer, string? callerAppId, string? failureReason)
    {
        Succeeded = succeeded;
        Identity = identity;
        Issuer = issuer;
        CallerAppId = callerAppId;
        FailureReason = failureReason;
    }

    public bool Succeeded { get; }

    /// <summary>The validated token's claims; an unauthenticated identity in local mode; null on failure.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>The validated token's issuer; null when anonymous or failed.</summary>
    public string? Issuer { get; }

    /// <summary>The calling application (<c>appid</c> or <c>azp</c> claim), when the token names one.</summary>
    public string? CallerAppId { get; }

    /// <summary>Why the request was rejected, for the log (never for the response body).</summary>
    public string? FailureReason { get; }

    /// <summary>Accepted without a token (local mode).</summary>
    public bool IsAnonymous => Succeeded && Issuer is null;

    public static AuthenticationResult Success(ClaimsIdentity identity, string issuer, string? callerAppId)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        return new(true, identity, issuer, callerAppId, null);
    }

    public static AuthenticationResult Anonymous() => new(true, new ClaimsIdentity(), null, null, null);

    public static AuthenticationResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(false, null, null, null, reason);
    }

    public override string ToString() => Succeeded ? (IsAnonymous ? "anonymous" : $"authenticated ({Issuer})") : $"rejected: {FailureReason}";
}
