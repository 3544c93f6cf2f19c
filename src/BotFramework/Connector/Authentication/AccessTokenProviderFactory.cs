namespace BotFramework.Connector.Authentication;

/// <summary>Makes the Connector token provider of a bot whose identity is a managed identity (registered by <c>AddBotFrameworkAzure</c>).</summary>
public delegate IAccessTokenProvider ManagedIdentityTokenProviderFactory(BotFrameworkOptions options, TimeProvider? timeProvider);

/// <summary>Chooses how the bot gets its Connector token from the configured app type.</summary>
public static class AccessTokenProviderFactory
{
    /// <param name="managedIdentity">Needed for <see cref="MicrosoftAppType.UserAssignedMSI"/>: the managed identity's token comes from Azure.</param>
    public static IAccessTokenProvider Create(BotFrameworkOptions options, TimeProvider? timeProvider = null, ManagedIdentityTokenProviderFactory? managedIdentity = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsLocalMode) return NoAccessTokenProvider.Instance;
        if (options.MicrosoftAppType != MicrosoftAppType.UserAssignedMSI) return new MsalAccessTokenProvider(options, timeProvider);
        return managedIdentity?.Invoke(options, timeProvider)
            ?? throw new InvalidOperationException("MicrosoftAppType is UserAssignedMSI, but the host did not add Azure: call services.AddBotFrameworkAzure() (project BotFramework.Azure).");
    }
}
