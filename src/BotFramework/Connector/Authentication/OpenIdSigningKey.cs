using Microsoft.IdentityModel.Tokens;

namespace BotFramework.Connector.Authentication;

/// <summary>
/// One signing key from a JWKS document, with the Bot Framework <c>endorsements</c> it carries
/// (the channel ids, such as <c>msteams</c>, the key may sign for); null when the key has none.
/// </summary>
public sealed class OpenIdSigningKey
{
    public OpenIdSigningKey(JsonWebKey key, IReadOnlyList<string>? endorsements)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.Kid, nameof(key));
        Key = key;
        Endorsements = endorsements;
    }

    public string KeyId => Key.Kid;

    public JsonWebKey Key { get; }

    public IReadOnlyList<string>? Endorsements { get; }

    public bool HasEndorsements => Endorsements is { Count: > 0 };

    public bool IsEndorsedFor(string endorsement) => Endorsements?.Contains(endorsement, StringComparer.Ordinal) == true;
}
