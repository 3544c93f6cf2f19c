namespace BotFramework.Connector.Authentication;

/// <summary>An access token and the moment it stops being valid.</summary>
public readonly record struct AccessToken(string Token, DateTimeOffset ExpiresOn);
