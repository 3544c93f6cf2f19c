using System.Net;
using System.Threading.Channels;
using BotFramework.Builder;
using BotFramework.Connector;
using BotFramework.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Knowledge;

namespace PolicyBot.Policy;

/// <summary>
/// Brings posted policy cards up to date after a manager's change, in the background so the manager's
/// turn answers at once. Each card whose topic changed since it was rendered is replaced in place
/// (<c>PUT</c> of its message, through the bot's adapter), paced by <see cref="SendPacer"/>; a card whose chat or channel is gone
/// (403, 404), or whose serviceUrl is not a trusted Teams host, is forgotten; one that still fails after the Connector's retries keeps its old version
/// and is tried again at the next change.
/// </summary>
public sealed class PostedCardUpdater(
    PostedCardStore posted,
    PolicyStore policy,
    OrganisationPolicyCards cards,
    BotAdapter adapter,
    TrustedServiceUrls trusted,
    IOptions<PolicyOptions> options,
    TimeProvider time,
    ILogger<PostedCardUpdater> logger) : BackgroundService
{
    private readonly SendPacer _pacer = new SendPacer(options.Value.UpdatesPerSecondPerConversation, options.Value.UpdatesPerSecond, time);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _lock = new();
    private long _requested;
    private TaskCompletionSource _idle = Completed();


    /// <summary>What one pass did.</summary>
    public sealed record Report(int Updated, int Forgotten, int Failed);

    /// <summary>Asks for a pass soon; requests made while a pass runs lead to one more pass.</summary>
    public void RequestUpdate()
    {
        lock (_lock)
        {
            _requested++;
            if (_idle.Task.IsCompleted) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Completes when every requested pass has run (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock) return _idle.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            long generation;
            lock (_lock) generation = _requested;
            try
            {
                await UpdateNowAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError("Updating posted cards failed with {ExceptionType}; they are tried again at the next policy change", e.GetType().FullName);
            }
            lock (_lock)
            {
                if (generation == _requested) _idle.TrySetResult();
            }
        }
    }

    /// <summary>One pass over every posted card, now.</summary>
    public async Task<Report> UpdateNowAsync(CancellationToken cancellationToken = default)
    {
        var current = await policy.ReadCurrentAsync(cancellationToken).ConfigureAwait(false);
        var postedCards = await posted.AllAsync(cancellationToken).ConfigureAwait(false);
        var rendered = new Dictionary<string, int>(StringComparer.Ordinal);
        var gone = new HashSet<string>(StringComparer.Ordinal);
        var failed = 0;
        foreach (var card in postedCards)
        {
            if (!cards.Content.TryGetTopic(card.Topic, out var topic))
            {
                gone.Add(card.Key);
                continue;
            }
            if (!trusted.IsTrusted(card.ServiceUrl))
            {
                // Stored before the allow-list existed, or by a turn that should never have been let in: the
                // bot's token does not go there. The card is forgotten.
                logger.LogWarning("A posted card's serviceUrl is not a trusted Teams host (see Bot:AllowedServiceHosts); the card is forgotten, not updated");
                gone.Add(card.Key);
                continue;
            }
            if (current.VersionOf(topic) <= card.Version) continue;

            await _pacer.WaitAsync(card.RateLimitThread, cancellationToken).ConfigureAwait(false);
            var update = new Activity
            {
                Type = ActivityTypes.Message,
                Id = card.ActivityId,
                ServiceUrl = card.ServiceUrl,
                ChannelId = card.ChannelId,
                Conversation = new ConversationAccount(card.ConversationId, card.ConversationType, isGroup: true, card.TenantId),
                Attachments = [cards.PolicyCard(topic, Languages.Parse(card.Language), current, viewer: null)],
            };
            try
            {
                var reference = new ConversationReference { ChannelId = update.ChannelId, ServiceUrl = update.ServiceUrl, Conversation = update.Conversation };
                await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.UpdateActivityAsync(update, ct), cancellationToken).ConfigureAwait(false);
                rendered[card.Key] = current.Version;
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                logger.LogInformation("A posted card's conversation answered {Status}; the card is forgotten", (int)e.StatusCode);
                gone.Add(card.Key);
            }
            catch (ConnectorException e)
            {
                logger.LogWarning("Updating a posted card failed with {Status} after retries; it keeps version {Version}", (int)e.StatusCode, card.Version);
                failed++;
            }
            catch (HttpRequestException)
            {
                logger.LogWarning("Updating a posted card failed: the Connector could not be reached; it keeps version {Version}", card.Version);
                failed++;
            }
        }
        if (rendered.Count > 0 || gone.Count > 0) await posted.RecordAsync(rendered, gone, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Posted cards brought to policy version {Version}: {Updated} updated, {Forgotten} forgotten, {Failed} failed",
            current.Version, rendered.Count, gone.Count, failed);
        Conversation.PolicyBotTelemetry.PostedCards(rendered.Count, gone.Count, failed);
        return new Report(rendered.Count, gone.Count, failed);
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
