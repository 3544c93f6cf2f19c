namespace BotFramework.Connector.Authentication;

/// <summary>An OpenID configuration or its signing keys could not be fetched or understood.</summary>
public sealed class OpenIdMetadataException : Exception
{
    public OpenIdMetadataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
