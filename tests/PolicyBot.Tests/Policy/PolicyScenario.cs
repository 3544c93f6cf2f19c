using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Schema;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// The real host with a fake Connector, one manager and staff, and the chats Teams would send from:
/// personal chats, a team channel (team <c>team-0001</c>, channel <c>19:general@thread.tacv2</c>) and a group chat.
/// </summary>
internal sealed class PolicyScenario : IAsyncDisposable
{
    public const string ManagerAad = "00000000-0000-0000-0000-0000000000e1";
    public const string OtherManagerAad = "00000000-0000-0000-0000-0000000000e2";
    public const string StaffAad = "00000000-0000-0000-0000-00000000c001";
    public const string TeamId = "19:team-0001@thread.tacv2";
    public const string ChannelId = "19:general@thread.tacv2";

    private PolicyScenario(FakeConnector connector, BotHost host)
    {
        Connector = connector;
        Host = host;
        ManagerChat = new TeamsActivities(connector.ServiceUrl, "a:manager-chat", "29:manager");
        StaffChat = new TeamsActivities(connector.ServiceUrl, "a:staff-chat", "29:staff");
        ManagerInChannel = new TeamsActivities(connector.ServiceUrl, $"{ChannelId};messageid=1700000000500", "29:manager") { ConversationType = "channel" };
        StaffInChannel = new TeamsActivities(connector.ServiceUrl, $"{ChannelId};messageid=1700000000600", "29:staff") { ConversationType = "channel" };
        ManagerInGroupChat = new TeamsActivities(connector.ServiceUrl, "19:group-chat-0001@thread.v2", "29:manager") { ConversationType = "groupChat" };
    }

    public FakeConnector Connector { get; }

    public BotHost Host { get; }

    public TeamsActivities ManagerChat { get; }

    public TeamsActivities StaffChat { get; }

    public TeamsActivities ManagerInChannel { get; }

    public TeamsActivities StaffInChannel { get; }

    public TeamsActivities ManagerInGroupChat { get; }

    public PostedCardUpdater Updater => Host.Services.GetRequiredService<PostedCardUpdater>();

    public PolicyStore Store => Host.Services.GetRequiredService<PolicyStore>();

    public static async Task<PolicyScenario> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var connector = await FakeConnector.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["PolicyBot:Managers:0"] = ManagerAad,
            ["PolicyBot:Managers:1"] = OtherManagerAad,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = new BotHost(all, configureServices);
        return new PolicyScenario(connector, host);
    }

    private string? _competeOn;

    /// <summary>True once the write armed by <see cref="CompeteOnceWithTheNextWriteOf"/> has happened.</summary>
    public bool CompetingWriteDone { get; private set; }

    /// <summary>
    /// Someone else will save the next document whose key contains <paramref name="keyPart"/> just before the
    /// bot does, once: the bot's conditional write loses and its turn runs again on fresh state.
    /// Needs a scenario from <see cref="StartWithCompetingWritesAsync"/>.
    /// </summary>
    public void CompeteOnceWithTheNextWriteOf(string keyPart)
    {
        _competeOn = keyPart;
        CompetingWriteDone = false;
    }

    /// <summary>A scenario whose storage can stage a competing write (<see cref="CompeteOnceWithTheNextWriteOf"/>).</summary>
    public static async Task<PolicyScenario> StartWithCompetingWritesAsync()
    {
        PolicyScenario? scenario = null;
        scenario = await StartAsync(configureServices: services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IStorage));
            services.Remove(original);
            services.AddSingleton<IStorage>(sp =>
            {
                var inner = (IStorage)(original.ImplementationInstance ?? original.ImplementationFactory!(sp));
                return new InterleavingStorage(inner)
                {
                    BeforeWrite = async key =>
                    {
                        if (scenario?._competeOn is not { } part || !key.Contains(part, StringComparison.Ordinal)) return;
                        scenario._competeOn = null;
                        scenario.CompetingWriteDone = true;
                        var found = await inner.ReadAsync([key]);
                        var document = found.TryGetValue(key, out var stored) ? stored.Document : new JsonObject();
                        await inner.WriteAsync(new Dictionary<string, StoredDocument> { [key] = new(document, stored?.ETag) });
                    },
                };
            });
        });
        return scenario;
    }

    /// <summary>Sends an activity as the person the chat belongs to (manager or staff by their Entra object id).</summary>
    public async Task<HttpResponseMessage> SendAsync(Activity activity)
    {
        var (name, aad) = activity.From!.Id switch
        {
            "29:manager" => ("Morgane Manager", ManagerAad),
            "29:manager2" => ("Nadia Manager", OtherManagerAad),
            _ => ("Sam Staff", StaffAad),
        };
        activity.From = new ChannelAccount(activity.From.Id!, name, aad);
        if (activity.Conversation!.ConversationType == "channel")
        {
            activity.ChannelData = JsonSerializer.SerializeToElement(new
            {
                teamsChannelId = ChannelId,
                teamsTeamId = TeamId,
                tenant = new { id = TeamsActivities.TenantId },
                team = new { id = TeamId },
                channel = new { id = ChannelId },
            });
        }
        var response = await Host.PostAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode} to a {activity.Type}.");
        return response;
    }

    /// <summary>Sends and returns what the bot sent to the Connector in that turn.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> TurnAsync(Activity activity)
    {
        var before = Connector.Requests.Count;
        await SendAsync(activity);
        return [.. Connector.Requests.Skip(before)];
    }

    /// <summary>The messages (replies and sends) of one turn.</summary>
    public async Task<IReadOnlyList<Activity>> RepliesAsync(Activity activity) =>
        [.. (await TurnAsync(activity)).Where(r => r.Method == "POST" && r.Activity?.Type == ActivityTypes.Message).Select(r => r.Activity!)];

    /// <summary>Sends an invoke and returns the JSON body of the bot's HTTP answer.</summary>
    public async Task<JsonObject> InvokeAsync(TeamsActivities chat, string name, object value)
    {
        var invoke = chat.Of(ActivityTypes.Invoke);
        invoke.Name = name;
        invoke.Value = JsonSerializer.SerializeToElement(value, BotJson.Options);
        var response = await SendAsync(invoke);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The manager opens the editor ("my policy") and saves it with these changes, as Teams submits it (inputs merged into the button's data).</summary>
    public async Task<IReadOnlyList<Activity>> SaveAsync(TeamsActivities chat, params (string Point, string Option)[] changes)
    {
        var editor = (await RepliesAsync(chat.Message("my policy"))).Single();
        return await RepliesAsync(chat.Submit(EditorSubmit(editor, changes)));
    }

    /// <summary>What Teams sends when "Save my changes" is clicked on this editor after choosing <paramref name="changes"/>.</summary>
    public static JsonObject EditorSubmit(Activity editor, params (string Point, string Option)[] changes)
    {
        var card = CardReader.Cards(editor).Single();
        var save = CardReader.Actions(editor).Single(a => a.Type == "Action.Submit" && a.Data?.GetProperty("action").GetString() == "policySave");
        var data = (JsonObject)JsonNode.Parse(save.Data!.Value.GetRawText())!;
        foreach (var input in Inputs(card)) data[input.Id] = input.Value;
        foreach (var (point, option) in changes)
        {
            Assert.True(data.ContainsKey(OrganisationPolicyCards.InputPrefix + point), $"The editor has no input for {point}.");
            data[OrganisationPolicyCards.InputPrefix + point] = option;
        }
        return data;
    }

    private static IEnumerable<(string Id, string Value)> Inputs(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() is "Input.ChoiceSet" or "Input.Text")
            {
                yield return (element.GetProperty("id").GetString()!, element.TryGetProperty("value", out var value) ? value.GetString() ?? "" : "");
            }
            foreach (var property in element.EnumerateObject())
            {
                foreach (var input in Inputs(property.Value)) yield return input;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var input in Inputs(item)) yield return input;
            }
        }
    }

    public static string Visible(Activity activity) => CardReader.VisibleText(activity);

    public static string Visible(JsonNode card) =>
        CardReader.VisibleText(new Activity { Attachments = [Attachment.AdaptiveCard(JsonSerializer.SerializeToElement(card, BotJson.Options))] });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
