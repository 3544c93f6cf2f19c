using PolicyBot.Policy;

namespace PolicyBot.Tests.Policy;

/// <summary>
/// Decision points and options are stored with the organisation's choices. When the content retires one
/// (the guide's "reporting" options, issue 12), a choice stored for it is shown as not decided, is never
/// offered in the editor, and the history still reads.
/// </summary>
[Trait("Category", "Host")]
public sealed class RetiredChoicesTests
{
    [Fact]
    public async Task AChoiceForARetiredPointOrOption_IsShownAsNotDecided_AndTheHistoryStillNamesIt()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.Store.ChangeAsync(new PolicyAuthor("Morgane Manager", PolicyScenario.ManagerAad),
            new Dictionary<string, string?> { ["reporting"] = "any-rule-breach", ["follow-requests"] = "a-retired-option" });

        var unacceptable = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Submit(new { action = "topic", topic = "unacceptable-content", direct = true }))).Single());
        Assert.Contains("Unacceptable content: remove, inform, report", unacceptable);
        Assert.DoesNotContain("When do we report content?", unacceptable);

        var follow = PolicyScenario.Visible((await bot.RepliesAsync(bot.StaffChat.Submit(new { action = "topic", topic = "connecting-with-others", direct = true }))).Single());
        Assert.Contains("How do we decide which follow requests to accept?\nNot recorded by your managers yet. The guide's options:", follow);

        var editor = (await bot.RepliesAsync(bot.ManagerChat.Message("my policy"))).Single();
        var submitted = PolicyScenario.EditorSubmit(editor);
        Assert.False(submitted.ContainsKey(OrganisationPolicyCards.InputPrefix + "reporting"), "The editor no longer offers the retired point.");
        Assert.Equal(OrganisationPolicyCards.NotDecided, submitted[OrganisationPolicyCards.InputPrefix + "follow-requests"]!.GetValue<string>());

        var history = PolicyScenario.Visible((await bot.RepliesAsync(bot.ManagerChat.Message("policy history"))).Single());
        Assert.Contains("reporting (decision point no longer offered)\nnot decided → any-rule-breach", history);
    }
}
