using System.Diagnostics;
using System.Text.Json.Nodes;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Cards;
using PolicyBot.Tests.Deployment;
using Xunit.Abstractions;

namespace PolicyBot.Tests.EndToEnd;

/// <summary>
/// PolicyBot through a real Teams client: the built web host (local mode, file storage in a temp folder)
/// and the Microsoft 365 Agents Playground run as processes, and headless Chromium drives the
/// Playground's web UI with <c>tools/cards/e2e.js</c>, checking what a person sees. The Playground reads
/// the repository's <c>.m365agentsplayground.yml</c> and the bot is told its user is a manager, as the
/// README says, so the manager features are tried too.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PlaygroundTests(ITestOutputHelper output)
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;

    [Fact]
    public async Task APersonInstalls_AsksInButtonsAndFrenchMentionsTheBotInAChannelUpdatesACardInPlaceAndOpensTheManagersEditor()
    {
        NodeTools.EnsureInstalled();
        NodeTools.EnsureChromium();
        var bot = BotAssembly();
        var folder = Path.Combine(Path.GetTempPath(), "policybot-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var botPort = ChildProcess.FreePort();
        var playgroundPort = ChildProcess.FreePort();
        var script = Path.Combine(folder, "steps.json");
        await File.WriteAllTextAsync(script, Steps().ToJsonString());
        var clock = Stopwatch.StartNew();

        try
        {
            using var host = ChildProcess.Start("dotnet", folder,
            [
                // Local mode, as the README's "dotnet run" runs it: Development, on this machine only.
                bot, "--environment", "Development", "--urls", $"http://127.0.0.1:{botPort}", "--Storage:Provider=File", $"--Storage:Folder={Path.Combine(folder, "state")}",
                "--PolicyBot:Managers:0", PlaygroundConfig.CurrentUserObjectId,
            ]);
            using var playground = ChildProcess.Start("node", folder,
            [
                Path.Combine(NodeTools.Folder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
                "-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "-p", playgroundPort.ToString(), "--disable-telemetry",
            ], new Dictionary<string, string> { ["TEAMSAPPTESTER_BROWSER"] = "none", ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = PlaygroundConfig.Path });

            await host.WaitForHttpAsync($"http://127.0.0.1:{botPort}/healthz", "PolicyBot.Web", TimeSpan.FromSeconds(60));
            await playground.WaitForHttpAsync($"http://127.0.0.1:{playgroundPort}/", "The Agents Playground", TimeSpan.FromSeconds(30));
            output.WriteLine($"bot (pid {host.Id}) and playground (pid {playground.Id}) up in {clock.Elapsed.TotalSeconds:0.0} s");

            var run = await NodeTools.RunAsync("e2e.js", TimeSpan.FromMinutes(4),
                "--url", $"http://127.0.0.1:{playgroundPort}/", "--script", script, "--shots", Path.Combine(RepoPaths.Root, "artifacts", "e2e"));

            output.WriteLine(run.Output);
            var report = run.Output.Length > 0 && run.Output.TrimStart().StartsWith('{') ? JsonNode.Parse(run.Output) : null;
            Assert.True(run.ExitCode == 0 && report?["ok"]?.GetValue<bool>() == true,
                $"The Playground run failed (exit {run.ExitCode}); a screenshot is in artifacts/e2e/.\n{run.Output}\n{run.Errors}\n--- bot ---\n{host.Output}\n--- playground ---\n{playground.Output}");
        }
        finally
        {
            output.WriteLine($"total {clock.Elapsed.TotalSeconds:0.0} s");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What the person does and sees, with the words taken from the bot's content.</summary>
    private static JsonArray Steps()
    {
        var steps = new JsonArray
        {
            Step("install: the welcome card shows", "open", expect: [Ui("welcome.title", Language.En)]),
            Step("click 'Pick a situation': the menu", "click", [("button", Ui("action.menu", Language.En))], expect: [Ui("menu.title", Language.En)]),
        };
        var personal = FirstSituationOf("page-and-comments");
        AnswerSituation(steps, personal, "personal chat");

        steps.Add(Step("open the General channel", "chat", [("chat", "General")]));
        steps.Add(Step("@mention the bot with 'menu': the menu in the thread", "mention", [("who", PlaygroundConfig.BotName), ("text", "menu")],
            expect: [Ui("menu.title", Language.En)]));
        var channel = FirstSituationOf("photos-and-posts");
        var channelTopic = AnswerSituation(steps, channel, "channel", extraAtEnd: Ui("action.update", Language.En));

        steps.Add(Step("back to the personal chat", "chat", [("chat", "Personal Chat")]));
        steps.Add(Step("type 'my policy' (the Playground's user is a manager): the editor", "say", [("text", "my policy")],
            expect: [Content.Ui("policy.editor.intro", Language.En)]));
        // Issue 12: danger comes before any policy answer, and a legal question is told there is no legal advice, in both languages.
        steps.Add(Step("type a message about danger now: the safety card", "say", [("text", "Her ex is outside the shelter and he's banging on the door")],
            expect: [Ui("scope.safety.title", Language.En), Ui("scope.safety.call911", Language.En)]));
        steps.Add(Step("type a legal question: no legal advice", "say", [("text", "Can someone sue us for defamation if we delete their comment?")],
            expect: [Ui("scope.legal.noAdvice", Language.En), Ui("scope.dangerPointer", Language.En)]));
        steps.Add(Step("type 'français'", "say", [("text", "français")], expect: [Ui("language.switched", Language.Fr)]));
        steps.Add(Step("type a message about danger now, in French: the French safety card", "say", [("text", "y'é dans l'stationnement pis a l'a peur")],
            expect: [Ui("scope.safety.title", Language.Fr), Ui("scope.safety.call911", Language.Fr)]));
        steps.Add(Step("type a legal question in French: pas d'avis juridique", "say", [("text", "La police veut une copie des messages privés de notre page Facebook")],
            expect: [Ui("scope.legal.noAdvice", Language.Fr), Ui("scope.dangerPointer", Language.Fr)]));
        steps.Add(Step("type a question in French: the answer is in French", "say",
            [("text", "Quelqu'un a laissé un commentaire haineux sur notre page")],
            expectAny: [Ui("menu.title", Language.Fr), Ui("choices.title", Language.Fr), Ui("action.cancel", Language.Fr)]));

        steps.Add(Step("back to the General channel", "chat", [("chat", "General")]));
        var inFrench = Content.Topic(channelTopic).Fr.Title;
        steps.Add(Step("click 'Update' on the channel's guideline: it turns French in place", "click", [("button", Ui("action.update", Language.En))],
            expect: [inFrench, Ui("action.update", Language.Fr), "Your response was sent to the app"],
            gone: [Content.Topic(channelTopic).En.Title], inPlace: true));
        return steps;
    }

    /// <summary>Clicks the situation in the menu and its first answers to the end; returns the topic it ends on.</summary>
    private static string AnswerSituation(JsonArray steps, Situation situation, string where, string? extraAtEnd = null)
    {
        var question = situation.Question(situation.Start);
        steps.Add(Step($"{where}: click '{situation.En.Title}'", "click", [("button", situation.En.Title)], expect: [question.En.Text]));
        while (true)
        {
            var option = question.Options[0];
            if (option.Outcome is { } outcome)
            {
                var title = Content.Topic(outcome.Topic).En.Title;
                // The card shows her answers apart from the organisation's policy.
                string[] expected = [title, Ui("guideline.yourAnswers", Language.En), Ui("guideline.orgPolicy", Language.En)];
                steps.Add(Step($"{where}: answer '{option.En}': the guideline card, with her answers", "click", [("button", option.En)],
                    expect: extraAtEnd is null ? expected : [.. expected, extraAtEnd]));
                return outcome.Topic;
            }
            question = situation.Question(option.Next!);
            steps.Add(Step($"{where}: answer '{option.En}'", "click", [("button", option.En)], expect: [question.En.Text]));
        }
    }

    private static Situation FirstSituationOf(string area) => Content.Situations.First(s => s.Area == area);

    private static string Ui(string key, Language language) => Content.Ui(key, language);

    private static JsonObject Step(string name, string action, (string Key, string Value)[]? with = null,
        string[]? expect = null, string[]? expectAny = null, string[]? gone = null, bool inPlace = false)
    {
        var step = new JsonObject { ["name"] = name, ["do"] = action };
        foreach (var (key, value) in with ?? []) step[key] = value;
        if (expect is { Length: > 0 }) step["expect"] = new JsonArray([.. expect.Select(e => (JsonNode)e)]);
        if (expectAny is { Length: > 0 }) step["expectAny"] = new JsonArray([.. expectAny.Select(e => (JsonNode)e)]);
        if (gone is { Length: > 0 }) step["gone"] = new JsonArray([.. gone.Select(e => (JsonNode)e)]);
        if (inPlace) step["inPlace"] = true;
        return step;
    }

    /// <summary>The web host built alongside these tests (same configuration), run as its own process.</summary>
    private static string BotAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepoPaths.Root, "src", "PolicyBot.Web", "bin", configuration, "net10.0", "PolicyBot.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first.");
    }
}
