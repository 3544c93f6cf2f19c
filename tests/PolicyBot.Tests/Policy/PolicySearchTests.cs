using System.Text.Json.Nodes;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Policy;

/// <summary>The message extension's search (<c>composeExtension/query</c>): policy cards found by words in either language.</summary>
[Trait("Category", "Host")]
public sealed class PolicySearchTests
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    private static object Query(string? name, string value, string commandId = "searchPolicies") => new
    {
        commandId,
        parameters = new[] { name is null ? (object)new { value } : new { name, value } },
        queryOptions = new { skip = 0, count = 25 },
    };

    private static JsonArray Attachments(JsonObject answer)
    {
        var extension = answer["composeExtension"]!;
        Assert.Equal("result", extension["type"]!.GetValue<string>());
        Assert.Equal("list", extension["attachmentLayout"]!.GetValue<string>());
        return extension["attachments"]!.AsArray();
    }

    [Theory]
    [InlineData("queryText", "demandes d'abonnement sur notre compte", "connecting-with-others")]
    [InlineData("queryText", "photo de la conférencière invitée", "posting-about-staff")]
    [InlineData(null, "une survivante raconte son histoire sur notre page", "survivor-posts-on-page")]
    public async Task FrenchQuery_ReturnsTheRightTopicFirst_InFrench(string? parameter, string words, string topic)
    {
        await using var bot = await PolicyScenario.StartAsync();

        var answer = await bot.InvokeAsync(bot.StaffChat, "composeExtension/query", Query(parameter, words));

        var first = Attachments(answer)[0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["contentType"]!.GetValue<string>());
        Assert.Contains(Content.Topic(topic).Fr.Title, PolicyScenario.Visible(first["content"]!));
        Assert.Equal("application/vnd.microsoft.card.hero", first["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal(Content.Topic(topic).Fr.Title, first["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.Equal("refreshPolicyCard", first["content"]!["refresh"]!["action"]!["verb"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("queryText", "stranger wants to follow our instagram", "connecting-with-others")]
    [InlineData("queryText", "coworker doesn't want to be in the group photo", "posting-about-staff")]
    [InlineData(null, "someone disagrees with our statistics and criticises us", "divergent-opinions")]
    public async Task EnglishQuery_ReturnsTheRightTopicFirst_InEnglish(string? parameter, string words, string topic)
    {
        await using var bot = await PolicyScenario.StartAsync();

        var answer = await bot.InvokeAsync(bot.StaffChat, "composeExtension/query", Query(parameter, words));

        var first = Attachments(answer)[0]!;
        Assert.Contains(Content.Topic(topic).En.Title, PolicyScenario.Visible(first["content"]!));
        Assert.Equal(Content.Topic(topic).En.Title, first["preview"]!["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task InitialRun_ListsTheMostUsedTopics_MostRatedFirst()
    {
        await using var bot = await PolicyScenario.StartAsync();
        await bot.SendAsync(bot.StaffChat.Submit(new { action = "feedback", topic = "safety-education", helpful = true }));

        var answer = await bot.InvokeAsync(bot.StaffChat, "composeExtension/query", Query("initialRun", "true"));

        var attachments = Attachments(answer);
        Assert.Equal(8, attachments.Count);
        Assert.Equal(Content.Topic("safety-education").En.Title, attachments[0]!["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.Equal(Content.Topics[0].En.Title, attachments[1]!["preview"]!["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyQuery_FromThePlayground_ListsTopicsToo()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var answer = await bot.InvokeAsync(bot.StaffChat, "composeExtension/query", Query(null, "", commandId: "searchCmd"));

        Assert.Equal(8, Attachments(answer).Count);
    }

    [Fact]
    public async Task QueryMatchingNothing_SaysSo()
    {
        await using var bot = await PolicyScenario.StartAsync();

        var answer = await bot.InvokeAsync(bot.StaffChat, "composeExtension/query", Query("queryText", "zzz qqq"));

        Assert.Equal("message", answer["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Equal(Content.Ui("policy.search.none", Language.En), answer["composeExtension"]!["text"]!.GetValue<string>());
    }
}
