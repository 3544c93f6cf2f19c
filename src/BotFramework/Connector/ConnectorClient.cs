using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BotFramework.Connector.Authentication;
using BotFramework.Schema;

namespace BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API (reply, send, update, delete, create conversation, one member) on the activity's
/// <c>serviceUrl</c>. Every call first checks the serviceUrl against <see cref="TrustedServiceUrls"/>, before a
/// token is fetched, so the bot's token only goes to Teams. Retries on 429/412/502/503/504 come from the
/// HttpClient's resilience handler.
/// </summary>
public sealed class ConnectorClient
{
    public const string HttpClientName = "BotFramework.Connector";

    private readonly Func<HttpClient> _http;
    private readonly IAccessTokenProvider _tokens;

    /// <param name="trusted">Where calls may go; <see cref="TrustedServiceUrls.Default"/> (Teams over https) when null.</param>
    public ConnectorClient(HttpClient http, IAccessTokenProvider tokens, TrustedServiceUrls? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = () => http;
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        Trusted = trusted ?? TrustedServiceUrls.Default;
    }

    /// <summary>Uses the named client <see cref="HttpClientName"/> (with its retry handler) for every call.</summary>
    public ConnectorClient(IHttpClientFactory httpClientFactory, IAccessTokenProvider tokens, TrustedServiceUrls? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _http = () => httpClientFactory.CreateClient(HttpClientName);
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        Trusted = trusted ?? TrustedServiceUrls.Default;
    }

    /// <summary>The serviceUrls this client sends to (and its token with).</summary>
    public TrustedServiceUrls Trusted { get; }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{replyToId}</c>.</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var (serviceUrl, conversationId) = Address(activity);
        if (string.IsNullOrEmpty(activity.ReplyToId)) throw new ArgumentException("A reply needs replyToId.", nameof(activity));
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activity.ReplyToId)}", activity, "Reply", cancellationToken);
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var (serviceUrl, conversationId) = Address(activity);
        return SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, "Send", cancellationToken);
    }

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replaces a message the bot sent.</summary>
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var (serviceUrl, conversationId) = Address(activity);
        if (string.IsNullOrEmpty(activity.Id)) throw new ArgumentException("An update needs the id of the activity to replace.", nameof(activity));
        return SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activity.Id)}", activity, "Update", cancellationToken);
    }

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        await SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, "Delete", cancellationToken).ConfigureAwait(false);

    /// <summary><c>POST /v3/conversations</c>: a proactive 1:1 chat, or a new thread in a channel.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "Create conversation", cancellationToken);

    /// <summary>
    /// <c>GET /v3/conversations/{conversationId}/members/{memberId}</c>: who the member is in that conversation,
    /// as the channel knows them (Teams adds <c>aadObjectId</c>, <c>tenantId</c>, <c>userRole</c>…); null when the
    /// channel answers 404 (no such member there).
    /// </summary>
    public async Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        try
        {
            var member = await SendAsync<ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, "Get member", cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(member.Id) ? null : member;
        }
        catch (ConnectorException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, string operation, CancellationToken cancellationToken)
        where T : new()
    {
        Trusted.EnsureTrusted(serviceUrl);
        using var request = new HttpRequestMessage(method, new Uri(BaseUri(serviceUrl), path));
        if (body is not null)
        {
            // Buffered content, so the resilience handler can send the same request again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(response.StatusCode, await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false), operation);
        }
        if (response.Content.Headers.ContentLength is 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent) return new T();
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(BotJson.Options, cancellationToken).ConfigureAwait(false) ?? new T();
        }
        catch (JsonException)
        {
            return new T(); // 202 Accepted and some channels answer with an empty or non-JSON body.
        }
    }

    private static async Task<ErrorResponse?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorResponse>(BotJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (string ServiceUrl, string ConversationId) Address(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ServiceUrl)) throw new ArgumentException("The activity has no serviceUrl.", nameof(activity));
        if (string.IsNullOrEmpty(activity.Conversation?.Id)) throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        return (activity.ServiceUrl, activity.Conversation.Id);
    }

    private static Uri BaseUri(string serviceUrl) =>
        new(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);

    // Teams ids contain ':', '@' and ';' — always escape path segments.
    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
