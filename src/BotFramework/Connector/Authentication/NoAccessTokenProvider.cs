namespace BotFramework.Connector.Authentication;

/// <summary>Sends no token: for local mode, where the bot has no app id and the Emulator expects none.</summary>
public sealed class NoAccessTokenProvider : IAccessTokenProvider
{
    public static NoAccessTokenProvider Instance { get; } = new();

    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
