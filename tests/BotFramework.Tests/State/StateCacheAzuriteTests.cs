using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using BotFramework.Tests.Builder;

namespace BotFramework.Tests.State;

/// <summary>
/// Two instances over one blob container (a real Azurite), each with its own storage client, states and
/// <see cref="StateCache"/>: what one instance's copy misses, the turn never acts on.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class StateCacheAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _containerName = $"cache-{Guid.NewGuid():N}";
    private Instance _first = null!;
    private Instance _second = null!;

    public Task InitializeAsync()
    {
        _first = new Instance(new BlobStorage(azurite.ConnectionString, _containerName));
        _second = new Instance(new BlobStorage(azurite.ConnectionString, _containerName));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _first.Storage.Container.DeleteIfExistsAsync();

    /// <summary>One bot instance: its storage client, its cache, its states, a counter of storage calls.</summary>
    private sealed class Instance
    {
        public Instance(BlobStorage storage)
        {
            Storage = storage;
            InFlight = new ReadsInFlight(storage);
            Counting = new CountingStorage(InFlight);
            Cache = new StateCache();
            Conversation = new ConversationState(Counting);
            Conversation.UseInstanceCache(Cache);
            User = new UserState(Counting);
            User.UseInstanceCache(Cache, vouchedBy: Conversation);
            Language = User.CreateProperty<string>("language");
        }

        public BlobStorage Storage { get; }
        public CountingStorage Counting { get; }
        public ReadsInFlight InFlight { get; }
        public StateCache Cache { get; }
        public ConversationState Conversation { get; }
        public UserState User { get; }
        public IStatePropertyAccessor<string> Language { get; }

        public TestAdapter Adapter(ConversationReference? conversation = null) =>
            new(conversation ?? TestAdapter.PersonalChat("cache-user"),
            [
                new AutoSaveStateMiddleware(User, Conversation),
                new LoadStatesTogetherMiddleware(turn => turn.Activity.Type == ActivityTypes.Message, Conversation, User),
                new DeduplicationMiddleware(Conversation),
            ]);
    }

    /// <summary>Passes calls through, noting the most reads that were waiting on storage at the same time.</summary>
    private sealed class ReadsInFlight(IStorage inner) : IStorage
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        public void Reset() => Volatile.Write(ref _most, 0);

        public async Task<IReadOnlyDictionary<string, StoredDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most) { }
            try
            {
                // Each read stays in flight a little longer than a round trip to Azurite, so reads that were started
                // together are seen together even when a busy machine runs the first one's continuation before the
                // second has started (a race this count lost about once in six runs); reads made one after the other
                // still never overlap.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                return await inner.ReadAsync(keys, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoredDocument> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(keys, cancellationToken);
    }

    /// <summary>Answers with the user's language; "fr"/"en" sets it; "effect" counts an effect outside the conversation.</summary>
    private static CallbackBot LanguageBot(Instance instance, Action? effect = null) => new(async (turn, ct) =>
    {
        var text = turn.Activity.Text;
        if (text is "fr" or "en") await instance.Language.SetAsync(turn, text, ct);
        if (text == "effect" && effect is not null) await TurnEffects.Of(turn).OnceAsync("effect", () => { effect(); return Task.CompletedTask; });
        await turn.SendActivityAsync("language: " + (await instance.Language.GetAsync(turn, cancellationToken: ct) ?? "none"), ct);
    });

    [Fact]
    public async Task ASecondTurn_OnTheSameInstance_ReadsNothing_AndWritesOnlyTheConversation()
    {
        var adapter = _first.Adapter();
        var bot = LanguageBot(_first);
        await adapter.SendAsync(adapter.MakeMessage("fr"), bot);
        while (adapter.GetNextReply() is not null) { }
        _first.Counting.Reset();

        await adapter.SendAsync(adapter.MakeMessage("hello"), bot);

        Assert.Equal("language: fr", adapter.GetNextReply()?.Text);
        Assert.Equal(0, _first.Counting.Reads);
        Assert.Equal(1, _first.Counting.Writes);
    }

    [Fact]
    public async Task ANewConversation_OfAKnownUser_ReadsBothDocumentsAtOnce_EachOnce_AndSeesHerChoice()
    {
        // She chose French in her personal chat, on the second instance.
        var personal = _second.Adapter();
        await personal.SendAsync(personal.MakeMessage("fr"), LanguageBot(_second));

        // Her first message in a channel thread reaches the first instance, which knows neither document.
        var thread = _first.Adapter(TestAdapter.ChannelThread("cache-user"));
        _first.Counting.Reset();
        _first.InFlight.Reset();
        await thread.SendAsync(thread.MakeMessage("hello"), LanguageBot(_first));

        Assert.Equal("language: fr", thread.GetNextReply()?.Text);
        Assert.Equal(2, _first.Counting.Reads);
        Assert.Equal(2, _first.InFlight.Most);
        Assert.Equal(1, _first.Counting.Writes);
    }

    [Fact]
    public async Task AKnownConversation_ReadsNothing_AndItsUserCopyStillWaitsForTheConversation()
    {
        var first = _first.Adapter();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        while (first.GetNextReply() is not null) { }
        _first.Counting.Reset();
        _first.InFlight.Reset();

        await first.SendAsync(first.MakeMessage("hello"), LanguageBot(_first));
        Assert.Equal("language: fr", first.GetNextReply()?.Text);
        Assert.Equal(0, _first.Counting.Reads);

        // The other instance switches her to English in the same chat: the first one's copies are both stale.
        var second = _second.Adapter();
        await second.SendAsync(second.MakeMessage("en"), LanguageBot(_second));
        await first.SendAsync(first.MakeMessage("hello"), LanguageBot(_first));

        Assert.Equal("language: en", first.GetNextReply()?.Text);
        Assert.Null(first.GetNextReply());
    }

    [Fact]
    public async Task AStaleCopy_AfterTheOtherInstanceWrote_IsReplacedBeforeTheTurnCommits()
    {
        var first = _first.Adapter();
        var second = _second.Adapter();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        await second.SendAsync(second.MakeMessage("en"), LanguageBot(_second));
        while (first.GetNextReply() is not null) { }

        await first.SendAsync(first.MakeMessage("hello"), LanguageBot(_first));

        Assert.Equal("language: en", first.GetNextReply()?.Text);
        Assert.Null(first.GetNextReply());
        var stored = await _first.Storage.ReadAsync([ConversationState.KeyFor("msteams", first.Conversation.Conversation!.Id!)]);
        Assert.Equal(3, stored.Single().Value.Document[DeduplicationMiddleware.PropertyName]!.AsArray().Count);
    }

    [Fact]
    public async Task ARedelivery_ToAnInstanceWhoseCopyMissesIt_HasNoEffectAgain_AndIsNotAnswered()
    {
        var effects = 0;
        var first = _first.Adapter();
        var second = _second.Adapter();
        await first.SendAsync(first.MakeMessage("en"), LanguageBot(_first, () => effects++));
        while (first.GetNextReply() is not null) { }

        // The second instance handles an activity with an effect; Teams then re-delivers it to the first, whose
        // copy of the conversation does not list it yet.
        var activity = second.MakeMessage("effect");
        await second.SendAsync(activity, LanguageBot(_second, () => effects++));
        await first.SendAsync(activity.Clone(), LanguageBot(_first, () => effects++));

        Assert.Equal(1, effects);
        Assert.Null(first.GetNextReply());
    }

    [Fact]
    public async Task ForgetMe_OnTheOtherInstance_TheCopiesAreNeitherUsedNorWrittenBack()
    {
        var first = _first.Adapter();
        await first.SendAsync(first.MakeMessage("fr"), LanguageBot(_first));
        while (first.GetNextReply() is not null) { }

        // "Forget me" on the second instance: both documents deleted.
        var second = _second.Adapter();
        await second.SendAsync(second.MakeMessage("hello"), new CallbackBot(async (turn, ct) =>
        {
            await _second.User.DeleteAsync(turn, ct);
            await _second.Conversation.DeleteAsync(turn, ct);
        }));

        await first.SendAsync(first.MakeMessage("hello"), LanguageBot(_first));

        Assert.Equal("language: none", first.GetNextReply()?.Text);
        Assert.Empty(await _first.Storage.ReadAsync(["msteams/users/29:cache-user"]));
    }
}
