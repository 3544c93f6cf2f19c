using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace TestKit;

/// <summary>
/// An RSA key pair made for the tests, published in a JWKS with optional endorsements. Key material is
/// generated once per <c>material</c> name (by default the key id) and shared, because generating is slow;
/// pass another material name to get a different key with the same id.
/// </summary>
public sealed class TestSigningKey
{
    private static readonly ConcurrentDictionary<string, Lazy<RSAParameters>> Materials = new(StringComparer.Ordinal);
    private readonly RSA _rsa;

    public TestSigningKey(string keyId, params string[]? endorsements)
        : this(keyId, keyId, endorsements)
    {
    }

    public TestSigningKey(string keyId, string material, string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        var parameters = Materials.GetOrAdd(material, _ => new Lazy<RSAParameters>(() =>
        {
            using var generated = RSA.Create(2048);
            return generated.ExportParameters(includePrivateParameters: true);
        })).Value;
        _rsa = RSA.Create(parameters);
    }

    public string KeyId { get; }

    /// <summary>Null publishes the key without an <c>endorsements</c> property.</summary>
    public string[]? Endorsements { get; }

    public SigningCredentials SigningCredentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, algorithm);

    /// <summary>Signs without putting a <c>kid</c> in the token header.</summary>
    public SigningCredentials SigningCredentialsWithoutKeyId() => new(new RsaSecurityKey(_rsa), SecurityAlgorithms.RsaSha256);

    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null) jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)e).ToArray());
        return jwk;
    }
}
