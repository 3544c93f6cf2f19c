using BotFramework.Connector.Authentication;

namespace BotFramework.Tests.Connector;

/// <summary>An outbound token provider that hands out one fixed token (or none), counting requests.</summary>
public sealed class StaticTokenProvider(string? token) : IAccessTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(token);
    }
}
