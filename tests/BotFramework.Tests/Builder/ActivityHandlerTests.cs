using System.Text.Json;
using BotFramework.Builder;
using BotFramework.Schema;
using BotFramework.Testing;

namespace BotFramework.Tests.Builder;

[Trait("Category", "Fast")]
public sealed class ActivityHandlerTests
{
    private readonly TestAdapter _adapter = new();
    private readonly RecordingHandler _bot = new();

    [Theory]
    [InlineData(ActivityTypes.Message, "message")]
    [InlineData(ActivityTypes.Event, "unrecognized event")]
    [InlineData(ActivityTypes.MessageReaction, "unrecognized messageReaction")]
    [InlineData("somethingNew", "unrecognized somethingNew")]
    public async Task Dispatch_ByActivityType(string type, string expected)
    {
        await _adapter.SendAsync(_adapter.MakeActivity(type, "hi"), _bot);

        Assert.Equal([expected], _bot.Calls);
    }

    [Fact]
    public async Task ConversationUpdate_WithTheBotAdded_IsTheInstallSignal()
    {
        await _adapter.SendAsync(_adapter.MakeBotAdded(), _bot);

        Assert.Equal(["bot added"], _bot.Calls);
    }

    [Fact]
    public async Task ConversationUpdate_WithOnlyOtherMembersAdded_IsIgnored()
    {
        var update = _adapter.MakeActivity(ActivityTypes.ConversationUpdate);
        update.MembersAdded = [new ChannelAccount("29:newcomer", "New Person")];

        await _adapter.SendAsync(update, _bot);

        Assert.Empty(_bot.Calls);
    }

    [Theory]
    [InlineData("add", "install add")]
    [InlineData("add-upgrade", "install add")]
    [InlineData("remove", "install remove")]
    [InlineData("remove-upgrade", "install remove")]
    [InlineData("something-else", null)]
    [InlineData(null, null)]
    public async Task InstallationUpdate_ByAction(string? action, string? expected)
    {
        var update = _adapter.MakeActivity(ActivityTypes.InstallationUpdate);
        update.Action = action;

        await _adapter.SendAsync(update, _bot);

        Assert.Equal(expected is null ? [] : [expected], _bot.Calls);
    }

    [Fact]
    public async Task AdaptiveCardAction_WithActionExecute_AnswersWithTheHandlersResponse()
    {
        var invoke = _adapter.MakeInvoke(InvokeNames.AdaptiveCardAction, new
        {
            action = new { type = "Action.Execute", id = "btn-1", verb = "report", data = new { severity = 3 } },
            trigger = "manual",
        });

        var response = await _adapter.SendAsync(invoke, _bot);

        Assert.Equal(200, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, body.Type);
        Assert.Equal("verb report, trigger manual, severity 3", body.Value);
        Assert.Equal(["card action"], _bot.Calls);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"report"}}""")]
    [InlineData("""{"action":{"type":"action.execute","verb":"report"}}""")]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{}""")]
    [InlineData("\"report\"")]
    [InlineData(null)]
    public async Task AdaptiveCardAction_WithoutActionExecute_Is400WithAnErrorBody(string? value)
    {
        var invoke = _adapter.MakeActivity(ActivityTypes.Invoke);
        invoke.Name = InvokeNames.AdaptiveCardAction;
        invoke.Value = value is null ? null : JsonDocument.Parse(value).RootElement.Clone();

        var response = await _adapter.SendAsync(invoke, _bot);

        Assert.Equal(400, response!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(400, body.StatusCode);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, body.Type);
        var error = Assert.IsType<Error>(body.Value);
        Assert.Equal("BadRequest", error.Code);
        Assert.Empty(_bot.Calls);
        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"The invoke has no Action.Execute."}}""",
            JsonSerializer.Serialize(response.Body, response.Body!.GetType(), BotJson.Options));
    }

    [Fact]
    public async Task AdaptiveCardAction_TheHandlerDeclines_LeavesTheInvokeUnanswered()
    {
        _bot.DeclineCardActions = true;
        var invoke = _adapter.MakeInvoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute", verb = "unknown" } });

        Assert.Null(await _adapter.SendAsync(invoke, _bot));
        Assert.Equal(["card action"], _bot.Calls);
    }

    [Theory]
    [InlineData(InvokeNames.ComposeExtensionQuery)]
    [InlineData(InvokeNames.ComposeExtensionSelectItem)]
    public async Task ComposeExtension_AnswersWithTheHandlersBody(string name)
    {
        var response = await _adapter.SendAsync(_adapter.MakeInvoke(name, new { commandId = "searchGuidelines" }), _bot);

        Assert.Equal(200, response!.Status);
        Assert.Equal("results for " + name, response.Body);
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("signin/verifyState")]
    [InlineData(null)]
    public async Task UnhandledInvoke_HasNoResponse(string? name)
    {
        var invoke = _adapter.MakeActivity(ActivityTypes.Invoke);
        invoke.Name = name;

        Assert.Null(await _adapter.SendAsync(invoke, _bot));
    }

    [Fact]
    public async Task BaseHandlers_DoNothing()
    {
        var bot = new EmptyHandler();

        await _adapter.SendAsync(_adapter.MakeMessage("hi"), bot);
        await _adapter.SendAsync(_adapter.MakeBotAdded(), bot);
        var response = await _adapter.SendAsync(_adapter.MakeInvoke(InvokeNames.AdaptiveCardAction, new { action = new { type = "Action.Execute" } }), bot);
        var search = await _adapter.SendAsync(_adapter.MakeInvoke(InvokeNames.ComposeExtensionQuery, new { commandId = "x" }), bot);

        Assert.Null(response);
        Assert.Null(search);
        Assert.Empty(_adapter.ActiveQueue);
    }

    private sealed class EmptyHandler : ActivityHandler;

    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        public bool DeclineCardActions { get; set; }

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnBotAddedAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("bot added");

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("install add");

        protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Record("install remove");

        protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Record("unrecognized " + turnContext.Activity.Type);

        protected override Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        {
            Calls.Add("card action");
            if (DeclineCardActions) return Task.FromResult<AdaptiveCardInvokeResponse?>(null);
            var severity = invokeValue.Action!.Data!.Value.GetProperty("severity").GetInt32();
            return Task.FromResult<AdaptiveCardInvokeResponse?>(
                new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = $"verb {invokeValue.Action.Verb}, trigger {invokeValue.Trigger}, severity {severity}" });
        }

        protected override Task<object?> OnComposeExtensionAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Task.FromResult<object?>("results for " + turnContext.Activity.Name);

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }
}
