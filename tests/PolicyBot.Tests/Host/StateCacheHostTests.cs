using System.Net;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Host;

/// <summary>
/// Each instance keeps its own copy of the state documents it read or wrote and skips reading them (BotState.UseInstanceCache).
/// Two hosts on one Azurite container play two instances of the bot: whatever one did, the other sees at its next turn
/// of the same conversation, although its own copy is out of date.
/// </summary>
[Trait("Category", "Host")]
public sealed class StateCacheHostTests : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly string _container = $"cache-{Guid.NewGuid():N}"[..30];
    private FakeConnector _connector = null!;
    private TeamsActivities _teams = null!;

    public StateCacheHostTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        if (!_azurite.IsRunning) await _azurite.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(_connector.ServiceUrl);
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private BotHost NewHost(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:ContainerName"] = _container,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return new BotHost(settings);
    }

    private BlobStorage Storage => new(_azurite.ConnectionString, _container);

    private string ConversationKey => ConversationState.KeyFor("msteams", _teams.ConversationId);

    private const string UserKey = "msteams/users/29:user-0001";

    private async Task<string> SendAsync(BotHost host, BotFramework.Schema.Activity activity)
    {
        var before = _connector.Messages.Count;
        var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_connector.Messages.Count > before, "the bot did not answer");
        return string.Join("\n", _connector.Messages.Skip(before).Select(m => m.Text + "\n" + CardReader.VisibleText(m)));
    }

    [Fact]
    public async Task AStaleCopy_AfterAnotherInstanceWrote_IsNotUsed_TheTurnSeesTheLatestState()
    {
        await using var first = NewHost();
        await using var second = NewHost();

        // The first instance knows the conversation and the user with her French choice...
        Assert.Contains("Quelle situation vivez-vous?", await SendAsync(first, _teams.Message("français")) + await SendAsync(first, _teams.Message("menu")));
        // ...then the second instance takes a turn of the same conversation and she switches to English.
        Assert.Contains("OK, I'll speak English with you from now on.", await SendAsync(second, _teams.Message("english")));

        // Back on the first instance, whose copies are now both out of date: the answer is in English.
        var menu = await SendAsync(first, _teams.Message("menu"));
        Assert.Contains("What situation are you facing?", menu);
        Assert.DoesNotContain("Quelle situation", menu);

        // Every handled activity is recorded once, whichever instance handled it.
        var recorded = await StoredChat.HandledAsync(Storage, _teams.UserId, _teams.ConversationId);
        Assert.Equal(4, recorded.Count);
        Assert.Equal(4, recorded.Distinct().Count());
    }

    /// <summary>
    /// The instance keeps copies of at most Bot:StateCacheCapacity documents; when other conversations have pushed a
    /// user's copy out, her next turn reads her document and nothing she chose is lost.
    /// </summary>
    [Fact]
    public async Task CopiesPastTheConfiguredCapacity_GoOldestFirst_AndTheirConversationReadsItsDocument()
    {
        await using var host = NewHost(new Dictionary<string, string?> { ["Bot:StateCacheCapacity"] = "2" });
        Assert.Contains("je vous parle maintenant en français", await SendAsync(host, _teams.Message("français")));

        for (var i = 2; i <= 6; i++)
        {
            var other = new TeamsActivities(_connector.ServiceUrl, $"a:personal-chat-000{i}", $"29:user-000{i}");
            Assert.Contains("What situation are you facing?", await SendAsync(host, other.Message("menu")));
        }
        var cache = host.Services.GetRequiredService<StateCache>();
        Assert.Equal(2, cache.Capacity);
        Assert.InRange(cache.Count, 1, 2);
        Assert.False(cache.TryGet(UserKey, out _));

        Assert.Contains("Quelle situation vivez-vous?", await SendAsync(host, _teams.Message("menu")));
    }

    [Fact]
    public async Task AReturningUser_OnAnInstanceThatNeverMetHer_IsAnsweredInTheLanguageSheChoseElsewhere()
    {
        await using var first = NewHost();
        await using var second = NewHost();
        Assert.Contains("Quelle situation vivez-vous?", await SendAsync(first, _teams.Message("français")) + await SendAsync(first, _teams.Message("menu")));

        // The second instance takes her document as new (it never met her): its create-only write fails, and the turn
        // runs again on her stored document; only that run's answer is sent.
        var menu = await SendAsync(second, _teams.Message("menu"));
        Assert.Contains("Quelle situation vivez-vous?", menu);
        Assert.DoesNotContain("What situation are you facing?", menu);
        Assert.Equal(3, (await StoredChat.HandledAsync(Storage, _teams.UserId, _teams.ConversationId)).Count);
    }

    [Fact]
    public async Task ForgetMe_OnAnotherInstance_TheFirstInstancesCopiesAreNotUsed()
    {
        await using var first = NewHost();
        await using var second = NewHost();
        await SendAsync(first, _teams.Message("français"));
        Assert.Contains("Quelle situation vivez-vous?", await SendAsync(first, _teams.Message("menu")));

        await SendAsync(second, _teams.Message("oublie-moi"));
        Assert.Contains("C'est fait. J'ai effacé", await SendAsync(second, _teams.Submit(new { choice = "yes" })));
        Assert.Empty(await Storage.ReadAsync([UserKey, ConversationKey]));

        // The first instance still holds her French profile and the old conversation in memory: neither is used,
        // and neither is written back.
        var menu = await SendAsync(first, _teams.Message("menu"));
        Assert.Contains("What situation are you facing?", menu);
        var user = (await Storage.ReadAsync([UserKey])).Values.SingleOrDefault();
        Assert.True(user is null || !user.Document.ContainsKey("profile"), "the forgotten language came back");
        Assert.Single(await StoredChat.HandledAsync(Storage, _teams.UserId, _teams.ConversationId));
    }

    [Fact]
    public async Task ForgetMe_OnTheSameInstance_DropsItsCopies()
    {
        await using var host = NewHost();
        await SendAsync(host, _teams.Message("français"));
        await SendAsync(host, _teams.Message("oublie-moi"));
        await SendAsync(host, _teams.Submit(new { choice = "yes" }));

        Assert.Contains("What situation are you facing?", await SendAsync(host, _teams.Message("menu")));
    }

    [Fact]
    public async Task AConversationDeletedElsewhere_AsTheExpirySweepDoes_StartsOverWithoutLosingTheTurn()
    {
        await using var host = NewHost();
        await SendAsync(host, _teams.Message("hostile comment on our page"));
        Assert.NotNull(await StoredChat.ReadAsync(Storage, _teams.UserId, _teams.ConversationId));

        // The sweep of another instance empties the chat out of her document (untouched past its expiry), as
        // ExpiredStateSweeper does: her document written again without it, conditional on the version read.
        var stored = (await Storage.ReadAsync([UserKey]))[UserKey];
        stored.Document.Remove(BotState.PartsProperty);
        await Storage.WriteAsync(new Dictionary<string, StoredDocument> { [UserKey] = stored });

        var reply = await SendAsync(host, _teams.Message("menu"));
        Assert.Contains("What situation are you facing?", reply);
        Assert.Single(await StoredChat.HandledAsync(Storage, _teams.UserId, _teams.ConversationId));
    }

    [Fact]
    public async Task AnExpiredConversation_KnownToThisInstance_StartsOverWithTheNotice()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var host = new BotHost(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:ContainerName"] = _container,
            // The instance's copy outlives the conversation's expiry, so the expiry is decided on the copy.
            ["Bot:StateCacheMaxAge"] = "2.00:00:00",
        }, services => services.AddSingleton<TimeProvider>(time));
        await SendAsync(host, _teams.Message("hostile comment on our page"));

        time.Advance(TimeSpan.FromHours(25));
        var reply = await SendAsync(host, _teams.Message("1"));

        Assert.Contains("Our last conversation was more than a day ago, so we're starting fresh.", reply);
    }

    /// <summary>A clock the test moves.</summary>
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
