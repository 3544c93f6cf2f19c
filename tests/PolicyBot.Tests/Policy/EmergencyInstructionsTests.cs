using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Testing;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Cards;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// The shelter's own emergency instructions: a manager sets them in the policy editor, every staff member then
/// sees them on the safety card; nobody else can set them; what a card could not show safely is refused with a
/// clear message and nothing is lost. The real host over HTTP; the number and procedure are invented.
/// </summary>
[Trait("Category", "Host")]
public sealed class EmergencyInstructionsTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private const string Phone = EmergencyInstructions.PhoneId;
    private const string Procedure = EmergencyInstructions.ProcedureId;

    [Fact]
    public async Task WhatAManagerSets_IsShownOnTheSafetyCard_InBothLanguages_AndListedInTheHistory()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var saved = (await bot.SaveAsync(bot.ManagerChat, (Phone, "514 555-0142 ext 2"), (Procedure, "Green Door protocol"))).Single();
        Assert.Contains("Saved: version 1", PolicyScenario.Visible(saved));

        var card = (await bot.RepliesAsync(bot.StaffChat.Message("her ex is at the front door right now")))[0];
        var visible = PolicyScenario.Visible(card);
        Assert.Contains("If someone is in danger right now", visible);
        Assert.Contains("Your shelter's instructions", visible);
        Assert.Contains("Procedure: Green Door protocol", visible);
        Assert.Contains("Emergency number: 514 555-0142 ext 2", visible);
        Assert.Contains("If anyone is in immediate danger, call 911.", visible);

        var french = new TeamsActivities(bot.Connector.ServiceUrl, "a:staff-chat-fr", "29:staff") { Locale = "fr-CA" };
        var carte = PolicyScenario.Visible((await bot.RepliesAsync(french.Message("son ex est à la porte en ce moment")))[0]);
        Assert.Contains("Consignes de votre maison", carte);
        Assert.Contains("Procédure : Green Door protocol", carte);
        Assert.Contains("Numéro d'urgence : 514 555-0142 ext 2", carte);

        // A situation that ends on a threat in a comment shows the same card, with the same instructions.
        var threat = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Submit(
            new { situation = "hostile-comment", question = "abuse-kind", choice = "threat", answers = new[] { "what-kind=abusive" } }))).Single());
        Assert.Contains("A threat isn't routine moderation", threat);
        Assert.Contains("Procedure: Green Door protocol", threat);
        Assert.Contains("Emergency number: 514 555-0142 ext 2", threat);

        var history = PolicyScenario.Visible((await bot.RepliesAsync(bot.ManagerChat.Message("policy history"))).Single());
        Assert.Contains("Shelter's emergency number", history);
        Assert.Contains("514 555-0142 ext 2", history);
        Assert.Contains("Name of the emergency procedure", history);
        var version = (await bot.Store.HistoryAsync(10)).Single();
        Assert.Equal([new PolicyChange(Phone, null, "514 555-0142 ext 2"), new PolicyChange(Procedure, null, "Green Door protocol")], version.Changes);
    }

    [Fact]
    public async Task BeforeAnythingIsSet_TheSafetyCardSaysToFollowTheShelterProcedure_WithoutInstructions()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var visible = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Message("he is outside with a gun")))[0]);

        Assert.Contains("Follow your shelter's emergency procedure.", visible);
        Assert.DoesNotContain("Your shelter's instructions", visible);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAManager_CannotSetThem()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var editor = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();

        var reply = (await bot.RepliesAsync(bot.StaffChat.Submit(PolicyScenario.EditorSubmit(editor, (Phone, "514 555-0199"))))).Single();

        Assert.Equal(Content.Ui("policy.refused", Language.En), reply.Text);
        Assert.Equal(0, (await bot.Store.ReadCurrentAsync()).Version);
        var card = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Message("he is outside with a gun")))[0]);
        Assert.DoesNotContain("514 555-0199", card);
    }

    [Theory]
    [InlineData(Phone, "call 514 555-0142 now", "scope.emergency.invalidPhone")]
    [InlineData(Phone, "[514 555-0142](https://example.invalid)", "scope.emergency.invalidPhone")]
    [InlineData(Phone, "514 555-0142 514 555-0142 514 555-0142 514", "scope.emergency.invalidPhone")]
    [InlineData(Procedure, "[Green Door](https://example.invalid)", "scope.emergency.invalidProcedure")]
    [InlineData(Procedure, "**Green Door** protocol", "scope.emergency.invalidProcedure")]
    [InlineData(Procedure, "see www.example.invalid", "scope.emergency.invalidProcedure")]
    [InlineData(Procedure, "Green Door protocol ${secret}", "scope.emergency.invalidProcedure")]
    [InlineData(Procedure, "- Green Door protocol", "scope.emergency.invalidProcedure")]
    public async Task AValueACardCannotShowSafely_IsRefusedWithAClearMessage_AndNothingIsLost(string field, string typed, string message)
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SaveAsync(bot.ManagerChat, (Phone, "514 555-0100"));
        var editor = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();

        var replies = await bot.RepliesAsync(bot.ManagerChat.Submit(PolicyScenario.EditorSubmit(editor, (field, typed), ("follow-requests", "accept-all"))));

        Assert.Equal(2, replies.Count);
        Assert.Equal(Content.Ui(message, Language.En, EmergencyInstructions.MaxLength(field)), replies[0].Text);
        // The editor comes back with everything she had on it: the refused text (links and expressions defused,
        // as in every bound value) and the other choice she made.
        var inputs = Inputs(replies[1]);
        Assert.Equal(PolicyBot.Cards.CardTemplate.Defuse(typed), inputs[OrganisationPolicyCards.InputPrefix + field]);
        Assert.Equal("accept-all", inputs[OrganisationPolicyCards.InputPrefix + "follow-requests"]);
        var current = await bot.Store.ReadCurrentAsync();
        Assert.Equal(1, current.Version);
        Assert.Equal("514 555-0100", current.Decisions[Phone]);
        Assert.False(current.Decisions.ContainsKey("follow-requests"));
    }

    [Fact]
    public async Task ALongProcedureName_IsRefused_ButOneAtTheLimitIsKept()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var atLimit = "Protocole " + new string('a', EmergencyInstructions.MaxProcedureLength - "Protocole ".Length);

        var tooLong = await bot.SaveAsync(bot.ManagerChat, (Procedure, atLimit + "b"));
        Assert.Equal(Content.Ui("scope.emergency.invalidProcedure", Language.En, EmergencyInstructions.MaxProcedureLength), tooLong[0].Text);
        var kept = (await bot.SaveAsync(bot.ManagerChat, (Procedure, "  " + atLimit + "  "))).Single();

        Assert.Contains("Saved: version 1", PolicyScenario.Visible(kept));
        Assert.Equal(atLimit, (await bot.Store.ReadCurrentAsync()).Decisions[Procedure]);
    }

    [Fact]
    public async Task EmptyingAField_ClearsItFromTheSafetyCard()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SaveAsync(bot.ManagerChat, (Phone, "514 555-0142"), (Procedure, "Green Door protocol"));

        await bot.SaveAsync(bot.ManagerChat, (Phone, ""));

        var visible = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Message("he is outside with a gun")))[0]);
        Assert.Contains("Procedure: Green Door protocol", visible);
        Assert.DoesNotContain("Emergency number", visible);
        Assert.Equal(new PolicyChange(Phone, "514 555-0142", null), (await bot.Store.HistoryAsync(1)).Single().Changes.Single());
    }

    [Fact]
    public async Task TwoManagersSavingFromTheSameEditor_KeepBothChanges()
    {
        await using var bot = await PolicyScenario.StartAsync();
        var other = new TeamsActivities(bot.Connector.ServiceUrl, "a:manager2-chat", "29:manager2");
        var first = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();
        var second = (await bot.RepliesAsync(other.Message("my policy"))).Single();

        await bot.RepliesAsync(bot.ManagerChat.Submit(PolicyScenario.EditorSubmit(first, (Phone, "514 555-0142"))));
        await bot.RepliesAsync(other.Submit(PolicyScenario.EditorSubmit(second, ("follow-requests", "use-criteria"))));

        var current = await bot.Store.ReadCurrentAsync();
        Assert.Equal(2, current.Version);
        Assert.Equal("514 555-0142", current.Decisions[Phone]);
        Assert.Equal("use-criteria", current.Decisions["follow-requests"]);
    }

    /// <summary>Input id → value on a card the bot sent.</summary>
    private static Dictionary<string, string> Inputs(Activity card)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString() is "Input.Text" or "Input.ChoiceSet")
                {
                    found[element.GetProperty("id").GetString()!] = element.TryGetProperty("value", out var value) ? value.GetString() ?? "" : "";
                }
                foreach (var property in element.EnumerateObject()) Walk(property.Value);
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) Walk(item);
            }
        }
        foreach (var json in CardReader.Cards(card)) Walk(json);
        return found;
    }
}
