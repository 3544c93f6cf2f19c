using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
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

    private readonly ConnectorClient _connector;
    private readonly IBotFrameworkAuthenticator _authenticator;
    private readonly BotFrameworkOptions _auth;
    private readonly BotHostOptions _options;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(
        ConnectorClient connector,
        IBotFrameworkAuthenticator authenticator,
        IOptions<BotFrameworkOptions> authOptions,
        IOptions<BotHostOptions> options,
        IEnumerable<IMiddleware> middleware,
        ILogger<CloudAdapter> logger)
        : base(logger)
    {
        _connector = connector;
        _authenticator = authenticator;
        _options = options.Value;
        _logger = logger;
        _auth = authOptions.Value;
        foreach (var m in middleware) Use(m);
    }

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

        var header = request.Headers.Authorization.ToString();
        var auth = await _authenticator.AuthenticateAsync(header.Length > 0 ? header : null, activity!.ChannelId, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            _logger.LogWarning("Refused an unauthenticated {ActivityType} activity: {Reason}", activity!.Type, auth.FailureReason);
            await RefuseAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized.").ConfigureAwait(false);
            return;
        }

        if (!_auth.IsTenantAllowed(activity!.GetTenantId()))
        {
            _logger.LogWarning("Refused a {ActivityType} activity from a tenant outside AllowedTenants", activity.Type);
            await RefuseAsync(response, StatusCodes.Status403Forbidden, "This tenant is not allowed to use this bot.").ConfigureAwait(false);
            return;
        }

        if (!HandledTypes.Contains(activity.Type!))
        {
            _logger.LogDebug("Ignored an activity of type {ActivityType}", activity.Type);
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("A {ActivityType} turn was cancelled because the caller went away", activity.Type);
            return;
        }
        catch (Exception e)
        {
            // The exception message can carry user content from a bot's own code; log its type and stack only.
            _logger.LogError("A {ActivityType} turn failed with {ExceptionType}; nothing was saved or sent.{NewLine}{StackTrace}",
                activity.Type, e.GetType().FullName, Environment.NewLine, e.StackTrace);
            await RefuseAsync(response, StatusCodes.Status500InternalServerError, "The turn failed; nothing was saved. Please try again.").ConfigureAwait(false);
            return;
        }

        _logger.LogInformation("Handled a {ActivityType} turn in {ElapsedMs:0.0} ms", activity.Type, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim() is var media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return (default, true);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return (default, true);
            buffer.Write(chunk, 0, read);
        }
        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }

    private static Task RefuseAsync(HttpResponse response, int status, string reason)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new ErrorResponse { Error = new Error { Code = ReasonCode(status), Message = reason } }, BotJson.Options);
    }

    private static string ReasonCode(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        413 => "PayloadTooLarge",
        415 => "UnsupportedMediaType",
        _ => "InternalError",
    };
}
