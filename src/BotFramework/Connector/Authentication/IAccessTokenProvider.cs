namespace BotFramework.Connector.Authentication;

/// <summary>Gets the bearer token the bot sends to the Connector; null means send none (local mode).</summary>
public interface IAccessTokenProvider
{
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default);
}
