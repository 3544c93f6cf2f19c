namespace BotFramework.Connector.Authentication;

/// <summary>Supplies the bearer token for the bot's calls to the Connector (the activity's serviceUrl).</summary>
public interface IAccessTokenProvider
{
    /// <summary>A valid access token, or null to send no <c>Authorization</c> header (local mode).</summary>
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default);
}
