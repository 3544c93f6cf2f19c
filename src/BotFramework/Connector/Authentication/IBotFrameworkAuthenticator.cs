namespace BotFramework.Connector.Authentication;

/// <summary>Authenticates the <c>Authorization</c> header of a request Azure Bot Service sent to the bot.</summary>
public interface IBotFrameworkAuthenticator
{
    /// <summary>
    /// Validates <paramref name="authorizationHeader"/> for an activity of <paramref name="channelId"/> sent
    /// from <paramref name="serviceUrl"/>. Never throws for a bad token: returns a failure with a reason.
    /// </summary>
    Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken = default);
}
