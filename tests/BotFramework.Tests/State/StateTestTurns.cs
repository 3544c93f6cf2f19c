using BotFramework.Builder;
using BotFramework.Schema;

namespace BotFramework.Tests.State;

/// <summary>Turn contexts for state tests: a real <see cref="TurnContext"/> on an adapter that delivers nothing.</summary>
public sealed class StateTestTurns : BotAdapter
{
    public const string Channel = "msteams";
    public const string Conversation = "a:1Xy-conversation";
    public const string User = "29:1user-AbC";

    public static Activity Message(string channel = Channel, string conversation = Conversation, string user = User) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channel,
        Conversation = new ConversationAccount(conversation, "personal"),
        From = new ChannelAccount(user, "Alex"),
        Recipient = new ChannelAccount("28:bot", "PolicyBot"),
        Text = "hello",
    };

    public TurnContext Turn(string channel = Channel, string conversation = Conversation, string user = User) =>
        new(this, Message(channel, conversation, user));

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse());

    public override Task DeleteActivityAsync(ITurnContext turnContext, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
}
