using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Deployment;

/// <summary>The Teams app manifest, its Canadian French localization and the icons in deploymentTemplates/appPackage.</summary>
[Trait("Category", "Fast")]
public sealed class ManifestTests
{
    // Changing the app id makes Teams treat the package as a different app (users would lose the installed one).
    private const string AppId = "79c5b0b1-f9f0-4536-9db8-f8c9b1aefbc7";
    private const string BotIdPlaceholder = "{{BOT_ID}}";
    private const string BotDomainPlaceholder = "{{BOT_DOMAIN}}";

    // The localization schema accepts command indexes 0-9 only, and caps localized titles at 32 characters
    // and descriptions at 128; the manifest itself allows up to 12 commands per list and titles up to 128.
    private const int MaxLocalizableCommands = 10;
    private const int MaxCommandTitle = 32;
    private const int MaxCommandDescription = 128;

    private static readonly Dictionary<string, string> FrenchCommandTitles = new()
    {
        ["help"] = "aide",
        ["menu"] = "menu",
        ["onboarding"] = "formation",
        ["continue"] = "continuer",
        ["english"] = "français",
        ["forget me"] = "oublie-moi",
        ["what do you keep"] = "qu'est-ce que tu gardes",
        ["post"] = "publier",
        ["my policy"] = "notre politique",
        ["policy history"] = "historique de la politique",
        ["onboarding report"] = "rapport de formation",
    };

    private static readonly Lazy<JsonObject> LazyManifest = new(() => LoadJson("manifest.json"));
    private static readonly Lazy<JsonObject> LazyFrench = new(() => LoadJson("fr-ca.json"));

    private static JsonObject Manifest => LazyManifest.Value;

    private static JsonObject French => LazyFrench.Value;

    [Fact]
    public void Manifest_HasEveryRequiredTopLevelField()
    {
        foreach (var field in new[] { "$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor" })
        {
            Assert.True(Manifest.ContainsKey(field), $"manifest.json lacks '{field}'");
        }

        var developer = Manifest["developer"]!.AsObject();
        var developerName = Str(developer, "name");
        Assert.Equal("PolicyBot project", developerName);
        Assert.InRange(developerName.Length, 1, 32);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", Str(developer, url), StringComparison.Ordinal);
            Assert.True(Uri.TryCreate(Str(developer, url), UriKind.Absolute, out _), $"developer.{url} is not a URL");
        }

        Assert.Matches("^#[0-9A-Fa-f]{6}$", Str(Manifest, "accentColor"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Str(Manifest, "version"));
    }

    [Fact]
    public void SchemaUrlAndManifestVersion_BothSay_1_25()
    {
        var match = Regex.Match(Str(Manifest, "$schema"),
            @"^https://developer\.microsoft\.com/json-schemas/teams/v(\d+\.\d+)/MicrosoftTeams\.schema\.json$");
        Assert.True(match.Success, "unexpected $schema URL");
        Assert.Equal("1.25", match.Groups[1].Value);
        Assert.Equal("1.25", Str(Manifest, "manifestVersion"));
        Assert.Equal(
            "https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.Localization.schema.json",
            Str(French, "$schema"));
    }

    [Fact]
    public void AppId_IsTheFixedGuid_AndEveryBotIdIsThePlaceholder()
    {
        Assert.Equal(AppId, Str(Manifest, "id"));
        Assert.True(Guid.TryParse(Str(Manifest, "id"), out var id) && id != Guid.Empty);

        var bot = Assert.Single(Manifest["bots"]!.AsArray())!.AsObject();
        Assert.Equal(BotIdPlaceholder, Str(bot, "botId"));
        var extension = Assert.Single(Manifest["composeExtensions"]!.AsArray())!.AsObject();
        Assert.Equal(BotIdPlaceholder, Str(extension, "botId"));

        // No other botId anywhere (e.g. a stale real id left behind).
        var text = File.ReadAllText(Path.Combine(RepoPaths.AppPackage, "manifest.json"));
        Assert.Equal(2, Regex.Matches(text, "\"botId\"").Count);
    }

    [Fact]
    public void Bot_IsConversational_InPersonalTeamAndGroupChat()
    {
        var bot = Manifest["bots"]![0]!.AsObject();
        Assert.Equal(["personal", "team", "groupChat"], Strings(bot["scopes"]));
        Assert.True(bot["supportsFiles"]!.GetValue<bool>()); // the policy document is delivered with file consent
        Assert.False(bot["isNotificationOnly"]!.GetValue<bool>());
    }

    [Fact]
    public void CommandLists_CoverTheBotsCommands_WithinTheLimits()
    {
        var bot = Manifest["bots"]![0]!.AsObject();
        var botScopes = Strings(bot["scopes"]);
        var lists = bot["commandLists"]!.AsArray();
        Assert.InRange(lists.Count, 1, 3);

        var listedScopes = new List<string>();
        var allTitles = new HashSet<string>();
        foreach (var list in lists.Select(l => l!.AsObject()))
        {
            var scopes = Strings(list["scopes"]);
            Assert.All(scopes, s => Assert.Contains(s, botScopes));
            listedScopes.AddRange(scopes);

            var commands = list["commands"]!.AsArray().Select(c => c!.AsObject()).ToList();
            Assert.InRange(commands.Count, 1, Math.Min(12, MaxLocalizableCommands));
            var titles = commands.Select(c => Str(c, "title")).ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var command in commands)
            {
                Assert.InRange(Str(command, "title").Length, 1, Math.Min(128, MaxCommandTitle));
                Assert.InRange(Str(command, "description").Length, 1, MaxCommandDescription);
            }

            allTitles.UnionWith(titles);
        }

        Assert.Equal(listedScopes.Count, listedScopes.Distinct().Count());
        Assert.Equal(botScopes.Order(), listedScopes.Order());
        Assert.Equal(FrenchCommandTitles.Keys.Order(), allTitles.Order());

        var personal = Titles(lists.Single(l => Strings(l!["scopes"]).Contains("personal"))!);
        Assert.Contains("forget me", personal);
        Assert.Contains("onboarding", personal);
        var team = Titles(lists.Single(l => Strings(l!["scopes"]).Contains("team"))!);
        Assert.Contains("post", team);
    }

    [Fact]
    public void NamesAndDescriptions_RespectTheLengthLimits_InBothLanguages()
    {
        var name = Manifest["name"]!.AsObject();
        var description = Manifest["description"]!.AsObject();
        Assert.Equal("PolicyBot", Str(name, "short"));
        AssertLengths(Str(name, "short"), Str(name, "full"), Str(description, "short"), Str(description, "full"));
        AssertLengths(Str(French, "name.short"), Str(French, "name.full"), Str(French, "description.short"), Str(French, "description.full"));

        static void AssertLengths(string nameShort, string nameFull, string descriptionShort, string descriptionFull)
        {
            Assert.InRange(nameShort.Length, 1, 30);
            Assert.InRange(nameFull.Length, 1, 100);
            Assert.InRange(descriptionShort.Length, 1, 80);
            Assert.InRange(descriptionFull.Length, 1, 4000);
            Assert.NotEqual(descriptionShort, descriptionFull);
        }
    }

    [Fact]
    public void MessageExtension_HasTheSearchPoliciesQueryCommand()
    {
        var extension = Manifest["composeExtensions"]![0]!.AsObject();
        var command = Assert.Single(extension["commands"]!.AsArray())!.AsObject();
        Assert.Equal("searchPolicies", Str(command, "id"));
        Assert.Equal("query", Str(command, "type"));
        Assert.True(command["initialRun"]!.GetValue<bool>());
        Assert.Equal(["compose", "commandBox"], Strings(command["context"]));
        Assert.InRange(Str(command, "title").Length, 1, MaxCommandTitle);
        Assert.InRange(Str(command, "description").Length, 1, MaxCommandDescription);

        var parameter = Assert.Single(command["parameters"]!.AsArray())!.AsObject();
        Assert.Equal("queryText", Str(parameter, "name"));
        Assert.Equal("text", Str(parameter, "inputType"));
        Assert.InRange(Str(parameter, "title").Length, 1, MaxCommandTitle);
        Assert.InRange(Str(parameter, "description").Length, 1, MaxCommandDescription);
    }

    [Fact]
    public void ValidDomains_AreTheBotHostPlaceholderAndTheTokenService()
    {
        var domains = Strings(Manifest["validDomains"]);
        Assert.Equal([BotDomainPlaceholder, "token.botframework.com"], domains);
        Assert.All(domains, d => Assert.DoesNotContain("/", d));
    }

    [Fact]
    public void LocalizationInfo_PointsToTheCanadianFrenchFile()
    {
        var info = Manifest["localizationInfo"]!.AsObject();
        Assert.Equal("en-us", Str(info, "defaultLanguageTag"));
        var language = Assert.Single(info["additionalLanguages"]!.AsArray())!.AsObject();
        Assert.Equal("fr-ca", Str(language, "languageTag"));
        Assert.Equal("fr-ca.json", Str(language, "file"));
        Assert.True(File.Exists(Path.Combine(RepoPaths.AppPackage, Str(language, "file"))));
    }

    [Fact]
    public void FrenchFile_TranslatesEveryLocalizableString_AndNothingElse()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal) { "name.short", "name.full", "description.short", "description.full" };
        var lists = Manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            for (var c = 0; c < lists[l]!["commands"]!.AsArray().Count; c++)
            {
                expected.Add($"bots[0].commandLists[{l}].commands[{c}].title");
                expected.Add($"bots[0].commandLists[{l}].commands[{c}].description");
            }
        }

        var extensionCommands = Manifest["composeExtensions"]![0]!["commands"]!.AsArray();
        for (var c = 0; c < extensionCommands.Count; c++)
        {
            expected.Add($"composeExtensions[0].commands[{c}].title");
            expected.Add($"composeExtensions[0].commands[{c}].description");
            for (var p = 0; p < extensionCommands[c]!["parameters"]!.AsArray().Count; p++)
            {
                expected.Add($"composeExtensions[0].commands[{c}].parameters[{p}].title");
                expected.Add($"composeExtensions[0].commands[{c}].parameters[{p}].description");
            }
        }

        var actual = new SortedSet<string>(French.Select(p => p.Key).Where(k => k != "$schema"), StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        foreach (var key in actual)
        {
            var value = Str(French, key);
            Assert.False(string.IsNullOrWhiteSpace(value), $"{key} is empty");
            var limit = key.EndsWith(".title", StringComparison.Ordinal) ? MaxCommandTitle
                : key.StartsWith("description.full", StringComparison.Ordinal) ? 4000
                : key.StartsWith("description.short", StringComparison.Ordinal) ? 80
                : key.StartsWith("name.", StringComparison.Ordinal) ? 100
                : MaxCommandDescription;
            Assert.True(value.Length <= limit, $"{key} is {value.Length} characters (limit {limit})");
        }
    }

    [Fact]
    public void FrenchCommandTitles_TranslateTheEnglishCommandAtTheSameIndex()
    {
        var lists = Manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            for (var c = 0; c < commands.Count; c++)
            {
                var english = Str(commands[c]!.AsObject(), "title");
                Assert.Equal(FrenchCommandTitles[english], Str(French, $"bots[0].commandLists[{l}].commands[{c}].title"));
                Assert.NotEqual(
                    Str(commands[c]!.AsObject(), "description"),
                    Str(French, $"bots[0].commandLists[{l}].commands[{c}].description"));
            }
        }
    }

    [Fact]
    public void ColorIcon_Is192Square_FullColour_OnTheAccentColour()
    {
        var icons = Manifest["icons"]!.AsObject();
        var image = PngImage.Load(Path.Combine(RepoPaths.AppPackage, Str(icons, "color")));
        Assert.Equal((192, 192), (image.Width, image.Height));
        Assert.Equal(8, image.BitDepth);
        Assert.Contains(image.ColorType, new byte[] { 2, 6 });

        var accent = Convert.FromHexString(Str(Manifest, "accentColor")[1..]);
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), image[0, 0]);

        var colours = new HashSet<(byte, byte, byte, byte)>();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                colours.Add(image[x, y]);
            }
        }

        Assert.True(colours.Count >= 2, "color.png is a single flat colour");
        Assert.Contains((byte.MaxValue, byte.MaxValue, byte.MaxValue, byte.MaxValue), colours);
    }

    [Fact]
    public void OutlineIcon_Is32Square_WhiteOnTransparent()
    {
        var icons = Manifest["icons"]!.AsObject();
        var image = PngImage.Load(Path.Combine(RepoPaths.AppPackage, Str(icons, "outline")));
        Assert.Equal((32, 32), (image.Width, image.Height));
        Assert.Equal(6, image.ColorType);
        Assert.Equal(8, image.BitDepth);

        foreach (var (x, y) in new[] { (0, 0), (31, 0), (0, 31), (31, 31) })
        {
            Assert.Equal(0, image[x, y].A);
        }

        var visible = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image[x, y];
                if (a == 0)
                {
                    continue;
                }

                visible++;
                Assert.True(r == 255 && g == 255 && b == 255, $"pixel ({x},{y}) is visible but not white: {r},{g},{b},{a}");
            }
        }

        // A blank icon would pass the checks above; the shape must cover a real part of the square.
        Assert.InRange(visible, 32 * 32 / 5, 32 * 32 * 4 / 5);
    }

    private static JsonObject LoadJson(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.AppPackage, file)))!.AsObject();

    private static string Str(JsonObject obj, string key) =>
        obj[key]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"missing string '{key}'");

    private static List<string> Strings(JsonNode? array) =>
        array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static List<string> Titles(JsonNode list) =>
        list["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
}
