namespace BotFramework.Connector.Authentication;

/// <summary>Chooses how the bot gets its Connector token from the configured app type.</summary>
public static class AccessTokenProviderFactory
{
    public static IAccessTokenProvider Create(BotFrameworkOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsLocalMode) return NoAccessTokenProvider.Instance;
        return options.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI
            ? new ManagedIdentityAccessTokenProvider(options, timeProvider)
            : new MsalAccessTokenProvider(options, timeProvider);
    }
}
