using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;

namespace BotFramework.Tests.State;

/// <summary>
/// One bot instance for the Azurite tests of a personal chat kept in her user document: its own storage client, states
/// and <see cref="StateCache"/>, wired as AddBotFramework wires them with the personal chat inside her document.
/// </summary>
internal sealed class PersonalChatInstance
{
    private readonly string _user;

    public PersonalChatInstance(BlobStorage storage, TimeProvider clock, string user, TimeSpan? dropEarlyBy = null, bool guessUnseenAreNew = false)
    {
        _user = user;
        Storage = storage;
        Counting = new CountingStorage(storage);
        var cache = new StateCache(timeProvider: clock, guessUnseenAreNew: guessUnseenAreNew);
        Conversation = new ConversationState(Counting, timeProvider: clock);
        Conversation.UseInstanceCache(cache);
        User = new UserState(Counting, timeProvider: clock);
        User.UseInstanceCache(cache, vouchedBy: Conversation);
        Conversation.KeepPersonalConversationsIn(User);
        if (dropEarlyBy is { } margin) Conversation.PartsDroppedEarlyBy = margin;
        Language = User.CreateProperty<string>("language");
    }

    public BlobStorage Storage { get; }
    public CountingStorage Counting { get; }
    public ConversationState Conversation { get; }
    public UserState User { get; }
    public IStatePropertyAccessor<string> Language { get; }

    public TestAdapter Personal(string? user = null) => Adapter(TestAdapter.PersonalChat(user ?? _user));

    public TestAdapter Thread() => Adapter(TestAdapter.ChannelThread(_user));

    /// <summary>Drops the replies the test does not look at.</summary>
    public static void Drain(TestAdapter adapter)
    {
        while (adapter.GetNextReply() is not null) { }
    }

    private TestAdapter Adapter(ConversationReference conversation) =>
        new(conversation,
        [
            new AutoSaveStateMiddleware(User, Conversation),
            new LoadStatesTogetherMiddleware(turn => turn.Activity.Type == ActivityTypes.Message, Conversation, User),
            new DeduplicationMiddleware(Conversation),
        ]);
}
