using BotFramework.Schema;

namespace BotFramework.Hosting;

/// <summary>Decides whether an inbound request may reach the bot.</summary>
public interface IActivityAuthenticator
{
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

public readonly record struct AuthenticationOutcome(bool Succeeded, string? FailureReason)
{
    public static AuthenticationOutcome Success { get; } = new(true, null);

    public static AuthenticationOutcome Failure(string reason) => new(false, reason);
}
