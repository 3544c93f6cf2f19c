using BotFramework.State;

namespace BotFramework.Tests.State;

/// <summary>Conversation and user state over a counted <see cref="FileStorage"/> in a temp folder, on a manual clock.</summary>
public abstract class BotStateTestBase : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    protected static readonly string ConversationKey = $"{StateTestTurns.Channel}/conversations/{StateTestTurns.Conversation}";
    protected static readonly string UserKey = $"{StateTestTurns.Channel}/users/{StateTestTurns.User}";

    private readonly TempFolder _folder = new();

    protected BotStateTestBase()
    {
        Storage = new CountingStorage(new FileStorage(_folder.Path));
        Conversation = new ConversationState(Storage, timeProvider: Clock);
        User = new UserState(Storage, timeProvider: Clock);
        ProgressProperty = Conversation.CreateProperty<Progress>("progress");
        LanguageProperty = User.CreateProperty<string>("language");
    }

    protected CountingStorage Storage { get; }

    protected ManualClock Clock { get; } = new(Start);

    protected StateTestTurns Turns { get; } = new();

    protected ConversationState Conversation { get; }

    protected UserState User { get; }

    protected IStatePropertyAccessor<Progress> ProgressProperty { get; }

    protected IStatePropertyAccessor<string> LanguageProperty { get; }

    public sealed class Progress
    {
        public string? Topic { get; set; }
        public int Step { get; set; }
        public List<string> Choices { get; set; } = [];
    }

    protected async Task SaveProgressAsync(string topic, int step)
    {
        var turn = Turns.Turn();
        await ProgressProperty.SetAsync(turn, new Progress { Topic = topic, Step = step });
        await Conversation.SaveChangesAsync(turn);
    }

    protected async Task<IReadOnlyList<string>> StoredKeysAsync()
    {
        var candidates = new[] { ConversationKey, UserKey };
        return (await Storage.ReadAsync(candidates)).Keys.Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
