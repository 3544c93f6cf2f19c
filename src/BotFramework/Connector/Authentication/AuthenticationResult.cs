namespace BotFramework.Connector.Authentication;

/// <summary>
/// The outcome of authenticating one inbound request: who may have sent it (a channel, an Entra caller, or nobody
/// in local mode), or a short reason for a 401. The adapter puts the successful result in the turn's state
/// (<see cref="Builder.TurnContextExtensions.Authentication"/>), so a bot can tell a local request from a real one.
/// </summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(bool succeeded, string? callerAppId, bool isChannelToken, string? failureReason)
    {
        Succeeded = succeeded;
        CallerAppId = callerAppId;
        IsChannelToken = isChannelToken;
        FailureReason = failureReason;
    }

    public bool Succeeded { get; }

    /// <summary>The calling application of an Entra token (<c>appid</c> or <c>azp</c>); null for channel tokens, which name none.</summary>
    public string? CallerAppId { get; }

    /// <summary>A token Azure Bot Service issued for a channel (<c>https://api.botframework.com</c>), bound to the activity's serviceUrl.</summary>
    public bool IsChannelToken { get; }

    /// <summary>Why the request was rejected, for the log (never for the response body).</summary>
    public string? FailureReason { get; }

    /// <summary>Accepted without a token (local mode).</summary>
    public bool IsAnonymous => Succeeded && !IsChannelToken && CallerAppId is null;

    /// <summary>A valid channel token (its endorsements and serviceurl claim checked).</summary>
    public static AuthenticationResult ChannelToken() => new(true, null, true, null);

    /// <summary>A valid app-only Entra token naming its calling application.</summary>
    public static AuthenticationResult EntraToken(string callerAppId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerAppId);
        return new(true, callerAppId, false, null);
    }

    public static AuthenticationResult Anonymous() => new(true, null, false, null);

    public static AuthenticationResult Failure(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(false, null, false, reason);
    }

    public override string ToString() =>
        !Succeeded ? $"rejected: {FailureReason}"
        : IsAnonymous ? "anonymous"
        : IsChannelToken ? "authenticated (channel token)"
        : $"authenticated (Entra token of {CallerAppId})";
}
