using System.Collections.Concurrent;
using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Connector.Authentication;
using BotFramework.Schema;

namespace BotFramework.Testing;

/// <summary>
/// An adapter that talks to a bot in-process the way Teams does: activities in, activities out,
/// through the same middleware and state as production. Replies are collected in <see cref="ActiveQueue"/>.
/// </summary>
public class TestAdapter : BotAdapter
{
    private readonly string _idPrefix = Guid.NewGuid().ToString("N")[..8];
    private int _nextId;
    private int _memberLookups;

    public TestAdapter(ConversationReference? conversation = null, IEnumerable<IMiddleware>? middleware = null)
    {
        Conversation = conversation ?? PersonalChat();
        foreach (var m in middleware ?? []) Use(m);
    }

    /// <summary>The conversation (and user, bot, channel) that <see cref="MakeActivity"/> addresses.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>The locale new activities carry (Teams sends the user's client locale).</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>What the bot sent (messages and typing indicators), oldest first.</summary>
    public ConcurrentQueue<Activity> ActiveQueue { get; } = new();

    /// <summary>Activities the bot replaced in place (<c>PUT</c>).</summary>
    public ConcurrentQueue<Activity> Updates { get; } = new();

    public ConcurrentQueue<string> Deletes { get; } = new();

    /// <summary>Conversations the bot started (a new thread in a channel, with its first message), oldest first.</summary>
    public ConcurrentQueue<ConversationParameters> CreatedConversations { get; } = new();

    /// <summary>
    /// How the adapter's activities count as authenticated, in the turn state. Anonymous by default: like
    /// local mode, there is no Teams to ask who a sender is. <see cref="AsTeams"/> makes them channel requests.
    /// </summary>
    public AuthenticationResult Authentication { get; set; } = AuthenticationResult.Anonymous();

    /// <summary>Who Teams says each member is (by channel account id), answered to <see cref="GetConversationMemberAsync"/>.</summary>
    public ConcurrentDictionary<string, ChannelAccount> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times the bot asked who a member is.</summary>
    public int MemberLookups => _memberLookups;

    /// <summary>
    /// Activities now arrive as from Azure Bot Service (a channel token), and member look-ups are answered
    /// from <see cref="Members"/>, which starts with the conversation's user as <see cref="Conversation"/> names her.
    /// </summary>
    public TestAdapter AsTeams()
    {
        Authentication = AuthenticationResult.ChannelToken();
        if (Conversation.User is { Id: { } id } user) Members[id] = new ChannelAccount(id, user.Name, user.AadObjectId);
        return this;
    }

    /// <summary>A Teams-like personal chat with user <c>29:user1</c> and bot <c>28:bot</c>.</summary>
    public static ConversationReference PersonalChat(string user = "user1", string? aadObjectId = null, string tenantId = "tenant-0001") => new()
    {
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://test.invalid/connector/",
        User = new ChannelAccount($"29:{user}", "Test User", aadObjectId ?? $"00000000-0000-0000-0000-{Math.Abs(user.GetHashCode()) % 1_000_000_000_000:D12}"),
        Bot = new ChannelAccount("28:bot", "PolicyBot"),
        Conversation = new ConversationAccount($"a:{user}-chat", "personal", isGroup: false, tenantId: tenantId),
    };

    /// <summary>A Teams channel thread; messages reach the bot only when they @mention it.</summary>
    public static ConversationReference ChannelThread(string user = "user1", string? aadObjectId = null, string tenantId = "tenant-0001")
    {
        var reference = PersonalChat(user, aadObjectId, tenantId);
        reference.Conversation = new ConversationAccount("19:general@thread.tacv2;messageid=1700000000000", "channel", isGroup: true, tenantId: tenantId);
        return reference;
    }

    public Activity MakeActivity(string type = ActivityTypes.Message, string? text = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        return new Activity
        {
            Type = type,
            Id = $"activity-{_idPrefix}-{id}", // unique across adapters, as Teams ids are
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = Conversation.ChannelId,
            ServiceUrl = Conversation.ServiceUrl,
            From = Conversation.User,
            Recipient = Conversation.Bot,
            Conversation = Conversation.Conversation,
            Locale = Locale,
            Text = text,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = Conversation.Conversation?.TenantId } }),
        };
    }

    /// <summary>A message typed by the user.</summary>
    public Activity MakeMessage(string text) => MakeActivity(ActivityTypes.Message, text);

    /// <summary>A message that @mentions the bot, as Teams delivers it in channels and group chats.</summary>
    public Activity MakeMention(string text)
    {
        var bot = Conversation.Bot!;
        var activity = MakeActivity(ActivityTypes.Message, $"<at>{bot.Name}</at> {text}");
        activity.Entities = [Entity.Mention(bot)];
        return activity;
    }

    /// <summary>An Adaptive Card <c>Action.Submit</c>: a message with no text and the button's data as <c>value</c>.</summary>
    public Activity MakeSubmit(object data, string? replyToId = null)
    {
        var activity = MakeActivity();
        activity.Value = JsonSerializer.SerializeToElement(data, BotJson.Options);
        activity.ReplyToId = replyToId;
        return activity;
    }

    /// <summary>An invoke, such as <c>adaptiveCard/action</c> or <c>composeExtension/query</c>.</summary>
    public Activity MakeInvoke(string name, object value, string? replyToId = null)
    {
        var activity = MakeActivity(ActivityTypes.Invoke);
        activity.Name = name;
        activity.Value = JsonSerializer.SerializeToElement(value, BotJson.Options);
        activity.ReplyToId = replyToId;
        return activity;
    }

    /// <summary>The bot added to the conversation (Teams' install event).</summary>
    public Activity MakeBotAdded()
    {
        var activity = MakeActivity(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [Conversation.Bot!, Conversation.User!];
        return activity;
    }

    public Task<InvokeResponse?> SendAsync(Activity activity, IBot bot, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(activity, Authentication, bot.OnTurnAsync, cancellationToken);

    public override Task<ChannelAccount?> GetConversationMemberAsync(ITurnContext turnContext, string memberId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _memberLookups);
        return Task.FromResult(Members.TryGetValue(memberId, out var member) ? member : null);
    }

    /// <summary>Records the new conversation; its id is the channel's thread with the first message's id, as Teams answers.</summary>
    public override Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CreatedConversations.Enqueue(parameters);
        var messageId = $"created-{Interlocked.Increment(ref _nextId)}";
        var channel = parameters.ChannelData is TeamsChannelData data ? data.Channel?.Id : null;
        return Task.FromResult(new ConversationResourceResponse { Id = $"{channel ?? "conversation"};messageid={messageId}", ActivityId = messageId, ServiceUrl = serviceUrl });
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id ??= $"sent-{Interlocked.Increment(ref _nextId)}";
            ActiveQueue.Enqueue(activity);
            responses[i] = new ResourceResponse(activity.Id);
        }
        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        Updates.Enqueue(activity);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken)
    {
        Deletes.Enqueue(activityId);
        return Task.CompletedTask;
    }

    /// <summary>The next message the bot sent (typing indicators skipped), or null.</summary>
    public Activity? GetNextReply()
    {
        while (ActiveQueue.TryDequeue(out var activity))
        {
            if (activity.Type != ActivityTypes.Typing) return activity;
        }
        return null;
    }
}
