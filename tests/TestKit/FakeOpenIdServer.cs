using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TestKit;

/// <summary>
/// An in-process identity provider: answers OpenID configuration and JWKS requests for the issuers
/// added to it, counts every request, and can be told to fail or to hold requests until released.
/// </summary>
public sealed class FakeOpenIdServer : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<string>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    /// <summary>When set, every request is answered with this status.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, requests wait for this task before answering.</summary>
    public Task? Gate { get; set; }

    /// <summary>Serves <paramref name="metadataUrl"/> and its JWKS; the keys list is read at each request, so tests can rotate it.</summary>
    public void AddIssuer(string metadataUrl, string issuer, List<TestSigningKey> keys)
    {
        var jwksUrl = metadataUrl.Replace("openid-configuration", "keys").Replace("openidconfiguration", "keys");
        _documents[metadataUrl] = () => new JsonObject { ["issuer"] = issuer, ["jwks_uri"] = jwksUrl }.ToJsonString();
        _documents[jwksUrl] = () => new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) }.ToJsonString();
    }

    public void Serve(string url, string json) => _documents[url] = () => json;

    public int RequestCount(string url) => _requests.GetValueOrDefault(url);

    public int TotalRequests => _requests.Values.Sum();

    public HttpClient CreateClient() => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        _requests.AddOrUpdate(url, 1, (_, count) => count + 1);
        if (Gate is { } gate) await gate.WaitAsync(cancellationToken);

        if (FailWith is { } status) return new HttpResponseMessage(status) { RequestMessage = request };
        if (request.Method != HttpMethod.Get || !_documents.TryGetValue(url, out var document))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(document(), Encoding.UTF8, "application/json"),
        };
    }
}
