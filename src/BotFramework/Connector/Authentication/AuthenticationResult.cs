using System.Security.Claims;

namespace BotFramework.Connector.Authentication;

/// <summary>
/// The outcome of authenticating one inbound request: an identity, or a short reason for a 401. The
/// adapter puts the successful result in the turn's state (<see cref="Of"/>), so a bot can see who called.
/// </summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(bool succeeded, ClaimsIdentity? identity, string? issuer, string? callerAppId, bool isChannelToken, string? failureReason)
    {
        Succeeded = succeeded;
        Identity = identity;
        Issuer = issuer;
        CallerAppId = callerAppId;
        IsChannelToken = isChannelToken;
        FailureReason = failureReason;
    }

    public bool Succeeded { get; }

    /// <summary>The validated token's claims; an unauthenticated identity in local mode; null on failure.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>The validated token's issuer; null when anonymous or failed.</summary>
    public string? Issuer { get; }

    /// <summary>The calling application of an Entra token (<c>appid</c> or <c>azp</c>); null for channel tokens, which name none.</summary>
    public string? CallerAppId { get; }

    /// <summary>A token Azure Bot Service issued for a channel (<c>https://api.botframework.com</c>), bound to the activity's serviceUrl.</summary>
    public bool IsChannelToken { get; }

    /// <summary>Why the request was rejected, for the log (never for the response body).</summary>
    public string? FailureReason { get; }

    /// <summary>Accepted without a token (local mode).</summary>
    public bool IsAnonymous => Succeeded && Issuer is null;

    public static AuthenticationResult Success(ClaimsIdentity identity, string issuer, string? callerAppId, bool isChannelToken = false)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        return new(true, identity, issuer, callerAppId, isChannelToken, null);
    }

    public static AuthenticationResult Anonymous() => new(true, new ClaimsIdentity(), null, null, false, null);

    public static AuthenticationResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(false, null, null, null, false, reason);
    }

    public override string ToString() => Succeeded ? (IsAnonymous ? "anonymous" : $"authenticated ({Issuer})") : $"rejected: {FailureReason}";
}
