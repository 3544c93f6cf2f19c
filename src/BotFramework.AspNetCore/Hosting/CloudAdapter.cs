using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using static BotFramework.Hosting.HttpRequestChecks;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Connector.Authentication;
using BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Activity = BotFramework.Schema.Activity;
using IMiddleware = BotFramework.Builder.IMiddleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotFramework.Hosting;

/// <summary>
/// The bot's HTTP endpoint: checks the request, authenticates it, runs the turn and answers.
/// Messages the bot sends go out through the Connector; an invoke's answer is the HTTP body.
/// Logs carry activity types and outcomes only — never message text or names.
/// </summary>
public sealed class CloudAdapter : BotAdapter
{
    private static readonly HashSet<string> HandledTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.Invoke, ActivityTypes.MessageReaction, ActivityTypes.Event,
    };

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete, ActivityTypes.EndOfConversation,
    };

    private readonly ConnectorClient _connector;
    private readonly IBotFrameworkAuthenticator _authenticator;
    private readonly BotFrameworkOptions _auth;
    private readonly BotHostOptions _options;
    private readonly HashSet<string> _allowedCallers;
    private readonly CallerRegister _callers = new();
    private readonly RefusalLog _refusals;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(
        ConnectorClient connector,
        IBotFrameworkAuthenticator authenticator,
        IOptions<BotFrameworkOptions> authOptions,
        IOptions<BotHostOptions> options,
        IEnumerable<IMiddleware> middleware,
        ILogger<CloudAdapter> logger)
        : base(logger, new ConversationTurnQueue(options.Value.MaxQueuedTurnsPerConversation, options.Value.MaxTurnsInProgress))
    {
        _connector = connector;
        _authenticator = authenticator;
        _options = options.Value;
        _logger = logger;
        _auth = authOptions.Value;
        _allowedCallers = new HashSet<string>(_options.AllowedCallers.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        _refusals = new RefusalLog(logger);
        foreach (var m in middleware) Use(m);
    }

    /// <summary>
    /// Checks, authenticates and runs one request. The checks, in order: a JSON activity of bounded size
    /// (415, 413, 400); a valid token, or local mode from this machine (401); an allowed caller (403); an
    /// allowed channel (403); a trusted serviceUrl (403); an allowed tenant (403). Then the turn runs, unless
    /// too many wait (429 for the conversation, 503 for the host, with <c>Retry-After</c>) or the caller goes
    /// away before it starts. <paramref name="cancellationToken"/> stops a started turn (shutting down only).
    /// </summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (!IsJson(request.ContentType))
        {
            await RefuseAsync(response, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json.").ConfigureAwait(false);
            return;
        }

        var (body, tooLarge) = await ReadBodyAsync(request, _options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (tooLarge)
        {
            await RefuseAsync(response, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {_options.MaxRequestBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.Span, BotJson.Options);
        }
        catch (JsonException)
        {
            await RefuseAsync(response, StatusCodes.Status400BadRequest, "The body is not valid JSON for an activity.").ConfigureAwait(false);
            return;
        }

        var problem = activity is null ? "The body is not an activity." : Describe(activity);
        if (problem is not null)
        {
            await RefuseAsync(response, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var type = LoggedType(activity!.Type);
        var header = request.Headers.Authorization.ToString();
        var auth = await _authenticator.AuthenticateAsync(header.Length > 0 ? header : null, activity.ChannelId, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            _refusals.Warn("Refused an unauthenticated {ActivityType} activity: {Reason}", type, auth.FailureReason);
            await RefuseAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized.").ConfigureAwait(false);
            return;
        }

        if (auth.IsAnonymous && !_options.AllowUnauthenticatedRequests && !IsFromThisMachine(request.HttpContext.Connection))
        {
            _refusals.Warn("Refused a {ActivityType} activity without a token from another machine: local mode (no MicrosoftAppId) answers this machine only", type);
            await RefuseAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized.").ConfigureAwait(false);
            return;
        }

        if (auth.CallerAppId is { } caller)
        {
            var allowed = _allowedCallers.Count == 0 || _allowedCallers.Contains(caller);
            if (_callers.FirstTime(caller))
            {
                _logger.LogWarning("First request from caller app id {CallerAppId} (an Entra token of the bot's tenant); {Outcome}. To let in only the callers you expect, list their app ids in Bot:AllowedCallers.",
                    LogText.Bounded(caller), allowed ? "allowed" : "refused: not in Bot:AllowedCallers");
            }
            if (!allowed)
            {
                _refusals.Warn("Refused a {ActivityType} activity from a caller outside Bot:AllowedCallers", type);
                await RefuseAsync(response, StatusCodes.Status403Forbidden, "This caller is not allowed to use this bot.").ConfigureAwait(false);
                return;
            }
        }

        if (!_auth.IsChannelAllowed(activity.ChannelId))
        {
            _refusals.Warn("Refused a {ActivityType} activity from a channel outside AllowedChannels", type);
            await RefuseAsync(response, StatusCodes.Status403Forbidden, "This channel is not allowed to use this bot.").ConfigureAwait(false);
            return;
        }

        if (!_connector.Trusted.IsTrusted(activity.ServiceUrl))
        {
            _refusals.Warn("Refused a {ActivityType} activity whose serviceUrl host {Host} is not trusted (https on a Teams host, or listed in Bot:AllowedServiceHosts)",
                type, LogText.Bounded(new Uri(activity.ServiceUrl!).IdnHost));
            await RefuseAsync(response, StatusCodes.Status403Forbidden, "The activity's serviceUrl is not a trusted host.").ConfigureAwait(false);
            return;
        }

        if (!_auth.IsTenantAllowed(activity.GetTenantId()))
        {
            _refusals.Warn("Refused a {ActivityType} activity from a tenant outside AllowedTenants", type);
            await RefuseAsync(response, StatusCodes.Status403Forbidden, "This tenant is not allowed to use this bot.").ConfigureAwait(false);
            return;
        }

        if (!HandledTypes.Contains(activity.Type!))
        {
            _logger.LogDebug("Ignored an activity of type {ActivityType}", type);
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var callerGone = request.HttpContext.RequestAborted;
        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await ProcessActivityAsync(activity, auth, bot.OnTurnAsync, cancellationToken, callerGone).ConfigureAwait(false);
        }
        catch (TurnQueueFullException e)
        {
            _refusals.Warn("Refused a {ActivityType} turn: {Reason}", type, e.WholeHost ? "too many turns in progress (Bot:MaxTurnsInProgress)" : "too many turns of its conversation waiting (Bot:MaxQueuedTurnsPerConversation)");
            response.Headers.RetryAfter = e.WholeHost ? "5" : "2";
            await RefuseAsync(response, e.WholeHost ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests, e.Message).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (callerGone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("A waiting {ActivityType} turn was dropped because the caller went away before it started", type);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("A {ActivityType} turn was cancelled because the host is stopping", type);
            return;
        }
        catch (Exception e)
        {
            // The exception message can carry user content from a bot's own code; log its type and stack only.
            _logger.LogError("A {ActivityType} turn failed with {ExceptionType}; nothing was saved or sent.{NewLine}{StackTrace}",
                type, e.GetType().FullName, Environment.NewLine, e.StackTrace);
            await RefuseAsync(response, StatusCodes.Status500InternalServerError, "The turn failed; nothing was saved. Please try again.").ConfigureAwait(false);
            return;
        }

        _logger.LogDebug("Handled a {ActivityType} turn in {ElapsedMs:0.0} ms", type, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (activity.Type == ActivityTypes.Invoke)
        {
            response.StatusCode = invokeResponse?.Status ?? StatusCodes.Status501NotImplemented;
            if (invokeResponse?.Body is { } invokeBody)
            {
                response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(response.Body, invokeBody, invokeBody.GetType(), BotJson.Options, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Who the member is in the turn's conversation, asked of the Connector at the activity's (trusted) serviceUrl.
    /// In a Teams team the team is asked (<c>channelData.team.id</c>), as the SDK's <c>TeamsInfo.GetMemberAsync</c>
    /// does: a channel thread is not a roster of its own.
    /// </summary>
    public override Task<ChannelAccount?> GetConversationMemberAsync(ITurnContext turnContext, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var roster = activity.GetTeamsChannelData()?.Team?.Id is { Length: > 0 } teamId ? teamId : activity.Conversation!.Id!;
        return _connector.GetConversationMemberAsync(activity.ServiceUrl!, roster, memberId, cancellationToken);
    }

    /// <summary>A new conversation (in Teams, a new thread in a channel) through the Connector at a trusted serviceUrl.</summary>
    public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        _connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            turnContext.Activity.ApplyReplyAddressing(activity);
            responses[i] = !string.IsNullOrEmpty(activity.ReplyToId)
                ? await _connector.ReplyToActivityAsync(activity, cancellationToken).ConfigureAwait(false)
                : await _connector.SendToConversationAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        _connector.UpdateActivityAsync(activity, cancellationToken);

    public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken) =>
        _connector.DeleteActivityAsync(turnContext.Activity.ServiceUrl!, turnContext.Activity.Conversation!.Id!, activityId, cancellationToken);

    private static string? Describe(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "The activity has no type.";
        if (string.IsNullOrWhiteSpace(activity.ChannelId)) return "The activity has no channelId.";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "The activity has no conversation id.";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid serviceUrl.";
        }
        return null;
    }

    /// <summary>
    /// A request with no network peer (in-process test server, Unix socket) or from a loopback address. What
    /// Kestrel reports is the TCP peer: a proxy in front of the host (App Service's front end) is not loopback.
    /// </summary>
    private static bool IsFromThisMachine(ConnectionInfo connection) =>
        connection.RemoteIpAddress is not { } remote || Loopback.IsAddress(remote);

    /// <summary>The activity type for a log line: one of the protocol's, else "other" (the type is the caller's text).</summary>
    private static string LoggedType(string? type) => type is not null && KnownTypes.Contains(type) ? type : "other";
}
