using System.Collections.Concurrent;
using BotFramework.Builder;
using BotFramework.Connector.Authentication;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyBot.Conversation;

/// <summary>
/// Who sent the turn's activity, as Teams knows her: the one place that answers it for anything privileged.
/// The activity's <c>from.aadObjectId</c> is only what the request says. Before a manager action or "forget me",
/// the bot asks Teams who <c>from.id</c> is in this conversation (Connector <c>GET …/members/{id}</c>, at the
/// activity's allow-listed serviceUrl, with the bot's token) and uses the answer: a member Teams does not know
/// there, or one with another <c>aadObjectId</c>, is refused. Answers are kept <see cref="CacheDuration"/> per
/// conversation and member. In local mode (no token, no Teams to ask) the activity's identity is used as is.
/// </summary>
public sealed class SenderIdentity(IOptions<PolicyBotOptions> options, TimeProvider time, ILogger<SenderIdentity> logger)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);
    private const int MaxCached = 5000;

    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);

    /// <summary>
    /// THE manager check. Every manager-only action calls it: the policy editor and its saves, the policy
    /// history, posting a policy card, the onboarding report (and anything added later). True only when the
    /// sender, as Teams confirms her, is listed in <c>PolicyBot:Managers</c>.
    /// </summary>
    public async Task<bool> IsManagerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // Nobody claiming to be a manager is not asked about: staff turns cost no call to Teams.
        if (!options.Value.IsManager(turn.Activity.From?.AadObjectId)) return false;
        var sender = await ConfirmAsync(turn, cancellationToken).ConfigureAwait(false);
        return sender is not null && options.Value.IsManager(sender.AadObjectId);
    }

    /// <summary>The sender as Teams knows her in this conversation; null when Teams does not confirm the activity's identity.</summary>
    public async Task<ConfirmedSender?> ConfirmAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.TurnState.Get<Confirmation>() is { } done) return done.Sender;
        var sender = await LookUpAsync(turn, cancellationToken).ConfigureAwait(false);
        turn.TurnState.Set(new Confirmation(sender));
        return sender;
    }

    private async Task<ConfirmedSender?> LookUpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.From?.Id is not { Length: > 0 } memberId || activity.Conversation?.Id is not { Length: > 0 } conversationId) return null;

        var authentication = turn.Authentication();
        if (authentication is null)
        {
            logger.LogWarning("A privileged action came in a turn with no authentication result; refused");
            return null;
        }
        if (authentication.IsAnonymous)
        {
            // Local mode: the request came without a token from this machine, and there is no Teams to ask.
            return new ConfirmedSender(memberId, activity.From.AadObjectId, activity.From.Name);
        }

        var key = $"{activity.ServiceUrl}|{conversationId}|{memberId}";
        var now = time.GetUtcNow();
        ChannelAccount? member;
        if (_answers.TryGetValue(key, out var cached) && now - cached.At < CacheDuration)
        {
            member = cached.Member;
        }
        else
        {
            try
            {
                member = await turn.Adapter.GetConversationMemberAsync(turn, memberId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not ask Teams who the sender is ({ExceptionType}); the privileged action is refused", e.GetType().Name);
                return null;
            }
            Remember(key, new Answer(member, now));
        }

        if (member is null)
        {
            logger.LogWarning("Teams does not know the sender as a member of this conversation; the privileged action is refused");
            return null;
        }
        if (!string.Equals(member.AadObjectId ?? "", activity.From.AadObjectId ?? "", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("The activity names another Entra object id than Teams knows for its sender; the privileged action is refused");
            return null;
        }
        return new ConfirmedSender(memberId, member.AadObjectId, member.Name ?? activity.From.Name);
    }

    private void Remember(string key, Answer answer)
    {
        if (_answers.Count >= MaxCached)
        {
            var now = time.GetUtcNow();
            foreach (var (old, value) in _answers)
            {
                if (now - value.At >= CacheDuration) _answers.TryRemove(old, out _);
            }
            if (_answers.Count >= MaxCached) _answers.Clear();
        }
        _answers[key] = answer;
    }

    private sealed record Answer(ChannelAccount? Member, DateTimeOffset At);

    private sealed record Confirmation(ConfirmedSender? Sender);
}

/// <summary>The sender of a turn as Teams confirmed her (or, in local mode, as the activity says).</summary>
public sealed record ConfirmedSender(string Id, string? AadObjectId, string? Name);
