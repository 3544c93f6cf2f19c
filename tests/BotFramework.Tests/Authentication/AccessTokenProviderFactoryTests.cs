using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Azure.Core;
using BotFramework.Connector.Authentication;
using Microsoft.Identity.Client;
using CoreAccessToken = Azure.Core.AccessToken;

namespace BotFramework.Tests.Authentication;

[Trait("Category", "Fast")]
public sealed class AccessTokenProviderFactoryTests
{
    private const string AppId = AuthenticationScenario.AppId;
    private const string TenantId = AuthenticationScenario.TenantId;

    [Fact]
    public void LocalMode_SendsNoToken()
    {
        Assert.IsType<NoAccessTokenProvider>(AccessTokenProviderFactory.Create(new BotFrameworkOptions()));
    }

    [Fact]
    public void MultiTenant_UsesMsal_WithTheBotFrameworkAuthority()
    {
        var provider = Assert.IsType<MsalAccessTokenProvider>(AccessTokenProviderFactory.Create(
            new BotFrameworkOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppTenantId = TenantId }));

        Assert.Equal("https://login.microsoftonline.com/botframework.com", provider.Authority);
        Assert.Equal(["https://api.botframework.com/.default"], provider.Scopes);
    }

    [Fact]
    public void SingleTenant_UsesMsal_WithTheBotsTenantAuthority()
    {
        var provider = Assert.IsType<MsalAccessTokenProvider>(AccessTokenProviderFactory.Create(new BotFrameworkOptions
        {
            MicrosoftAppType = MicrosoftAppType.SingleTenant,
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = TenantId,
        }));

        Assert.Equal($"https://login.microsoftonline.com/{TenantId}", provider.Authority);
    }

    [Fact]
    public void UserAssignedMsi_UsesTheManagedIdentity()
    {
        var provider = AccessTokenProviderFactory.Create(new BotFrameworkOptions
        {
            MicrosoftAppType = MicrosoftAppType.UserAssignedMSI,
            MicrosoftAppId = AppId,
            MicrosoftAppTenantId = TenantId,
        }, managedIdentity: (options, time) => new ManagedIdentityAccessTokenProvider(options, time));

        Assert.IsType<ManagedIdentityAccessTokenProvider>(provider);
    }

    [Theory]
    [InlineData(MicrosoftAppType.MultiTenant, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData(MicrosoftAppType.SingleTenant, "https://login.microsoftonline.com/" + TenantId + "/oauth2/v2.0/token")]
    public async Task Msal_RequestsAClientCredentialsTokenForTheConnector_AndCachesIt(MicrosoftAppType appType, string tokenEndpoint)
    {
        var identityProvider = new FakeTokenEndpoint();
        var provider = new MsalAccessTokenProvider(
            new BotFrameworkOptions { MicrosoftAppType = appType, MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret", MicrosoftAppTenantId = TenantId },
            timeProvider: null,
            identityProvider);

        Assert.Equal("connector-token", await provider.GetAccessTokenAsync());
        Assert.Equal("connector-token", await provider.GetAccessTokenAsync());

        var (url, body) = Assert.Single(identityProvider.TokenRequests);
        Assert.Equal(tokenEndpoint, url);
        Assert.Contains("grant_type=client_credentials", body);
        Assert.Contains($"client_id={AppId}", body);
        Assert.Contains("client_secret=s3cret", body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body);
    }

    [Fact]
    public async Task ManagedIdentity_AsksForTheConnectorScope_AndCachesTheToken()
    {
        var credential = new RecordingCredential();
        var provider = new ManagedIdentityAccessTokenProvider(credential);

        Assert.Equal("mi-token", await provider.GetAccessTokenAsync());
        Assert.Equal("mi-token", await provider.GetAccessTokenAsync());

        var scopes = Assert.Single(credential.Requests);
        Assert.Equal(["https://api.botframework.com/.default"], scopes);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentQueue<string[]> Requests { get; } = new();

        public override CoreAccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Requests.Enqueue(requestContext.Scopes);
            return new CoreAccessToken("mi-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<CoreAccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    // Stands in for login.microsoftonline.com: answers any token request, remembers each.
    private sealed class FakeTokenEndpoint : HttpMessageHandler, IMsalHttpClientFactory
    {
        public ConcurrentQueue<(string Url, string Body)> TokenRequests { get; } = new();

        public ConcurrentQueue<string> OtherRequests { get; } = new();

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
            if (request.Method != HttpMethod.Post || !url.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                OtherRequests.Enqueue($"{request.Method} {request.RequestUri}");
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            TokenRequests.Enqueue((url, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"connector-token"}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
