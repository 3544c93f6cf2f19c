namespace BotFramework;

/// <summary>How the bot's identity is registered in Microsoft Entra (the <c>MicrosoftAppType</c> setting).</summary>
public enum MicrosoftAppType
{
    /// <summary>A multi-tenant app registration with a client secret; tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>An app registration in one tenant with a client secret; tokens come from that tenant.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity; <c>MicrosoftAppId</c> is its client id and there is no secret.</summary>
    UserAssignedMSI,
}
