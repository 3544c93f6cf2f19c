using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BotFramework.Schema;
using BotFramework.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Export;
using PolicyBot.Knowledge;
using PolicyBot.Policy;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Export;

/// <summary>
/// "export policy" in a personal chat, the way Teams does it: a file consent card; on accept the Word document is
/// uploaded to the URL Teams gives and a file info card shows it; on decline nothing is uploaded. The document is
/// opened with the Open XML SDK and read: all 19 topics under the six areas, every decision point with the
/// organisation's choice or "not decided yet", the version with its date and author, the emergency instructions,
/// the sources and credits, in French and in English.
/// </summary>
[Trait("Category", "Host")]
public sealed class PolicyExportTests : IAsyncLifetime
{
    private static readonly ContentLibrary Content = ContentLibrary.Default;
    private static readonly PolicyAuthor Manager = new("Invented Manager", "00000000-0000-0000-0000-0000000000e1");
    private readonly CapturingUploader _uploads = new();
    private BotTestServices _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotTestServices(
            new Dictionary<string, string?> { ["PolicyBot:Export:OrganisationName"] = "Maison Exemple Inventée" },
            configureServices: services => services.AddSingleton<IFileUploader>(_uploads));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Ui(string key, Language language, params object[] args) => Content.Ui(key, language, args);

    private static List<DecisionPoint> AllDecisionPoints => [.. Content.Topics.SelectMany(t => t.DecisionPoints)];

    /// <summary>Every other decision point decided (its first option), the rest left open, and the shelter's phone.</summary>
    private async Task<Dictionary<string, string>> DecideHalfAsync()
    {
        var wanted = new Dictionary<string, string?>();
        var points = AllDecisionPoints;
        for (var i = 0; i < points.Count; i += 2) wanted[points[i].Id] = points[i].Options[0];
        wanted[PolicyBot.Cards.EmergencyInstructions.PhoneId] = "555-0100";
        await _bot.Services.GetRequiredService<PolicyStore>().ChangeAsync(Manager, wanted);
        return wanted.Where(w => w.Value is not null).ToDictionary(w => w.Key, w => w.Value!);
    }

    private static object Accept(Language language, string uploadUrl = "https://invented-tenant.sharepoint.invalid/upload/session-0001") => new
    {
        type = "fileUpload",
        action = "accept",
        context = new { language = language.Code(), version = 1 },
        uploadInfo = new
        {
            name = "social-media-policy-v1.docx",
            uploadUrl,
            contentUrl = "https://invented-tenant.sharepoint.invalid/personal/files/social-media-policy-v1.docx",
            uniqueId = "00000000-0000-0000-0000-00000000f001",
            fileType = "docx",
        },
    };

    [Theory]
    [InlineData("en-US", "en", "export policy")]
    [InlineData("fr-CA", "fr", "exporter la politique")]
    public async Task Export_OffersAFileConsentCard_ThenUploadsOnAccept_AndShowsTheFile(string locale, string lang, string command)
    {
        var language = Languages.Parse(lang);
        await DecideHalfAsync();
        var adapter = _bot.Adapter(locale: locale);

        await _bot.Flow(adapter)
            .Send(command)
            .AssertReply(offer =>
            {
                Assert.Equal(Ui("export.consent.intro", language), offer.Text);
                var consent = Assert.Single(offer.Attachments!);
                Assert.Equal(ExportFeature.FileConsentCardType, consent.ContentType);
                Assert.EndsWith($"-v1-{lang}.docx", consent.Name, StringComparison.Ordinal);
                var card = JsonSerializer.SerializeToElement(consent.Content, BotJson.Options);
                Assert.Equal(Ui("export.consent.description", language, 1), card.GetProperty("description").GetString());
                Assert.True(card.GetProperty("sizeInBytes").GetInt32() > 10_000);
                Assert.Equal(lang, card.GetProperty("acceptContext").GetProperty("language").GetString());
            })
            .Send(adapter.MakeInvoke(InvokeNames.FileConsent, Accept(language)))
            .AssertInvokeResponse(response => Assert.Equal(200, response!.Status))
            .AssertReply(shown =>
            {
                Assert.Equal(Ui("export.uploaded", language), shown.Text);
                var info = Assert.Single(shown.Attachments!);
                Assert.Equal(ExportFeature.FileInfoCardType, info.ContentType);
                Assert.Equal("https://invented-tenant.sharepoint.invalid/personal/files/social-media-policy-v1.docx", info.ContentUrl);
                Assert.Equal("social-media-policy-v1.docx", info.Name);
                var content = JsonSerializer.SerializeToElement(info.Content, BotJson.Options);
                Assert.Equal("00000000-0000-0000-0000-00000000f001", content.GetProperty("uniqueId").GetString());
                Assert.Equal("docx", content.GetProperty("fileType").GetString());
            })
            .AssertNoReply()
            .StartTestAsync();

        var (url, bytes) = Assert.Single(_uploads.Uploads);
        Assert.Equal("https://invented-tenant.sharepoint.invalid/upload/session-0001", url.ToString());
        Assert.Equal(language == Language.Fr ? "fr-CA" : "en-CA", WordDocument.Open(bytes).Language);
    }

    [Fact]
    public async Task DecliningTheConsentCard_UploadsNothing_AndSaysSo()
    {
        var adapter = _bot.Adapter(locale: "fr-CA");

        await _bot.Flow(adapter)
            .Send("exporter la politique")
            .AssertReply(_ => { })
            .Send(adapter.MakeInvoke(InvokeNames.FileConsent, new { type = "fileUpload", action = "decline", context = new { language = "fr", version = 0 } }))
            .AssertInvokeResponse(response => Assert.Equal(200, response!.Status))
            .AssertReply(Ui("export.declined", Language.Fr))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(_uploads.Uploads);
    }

    [Fact]
    public async Task AnAcceptWithoutAnUploadUrl_UploadsNothing_AndSaysItFailed()
    {
        var adapter = _bot.Adapter();

        await _bot.Flow(adapter)
            .Send(adapter.MakeInvoke(InvokeNames.FileConsent, new { type = "fileUpload", action = "accept", context = new { language = "en" } }))
            .AssertInvokeResponse(response => Assert.Equal(200, response!.Status))
            .AssertReply(Ui("export.failed", Language.En))
            .StartTestAsync();

        Assert.Empty(_uploads.Uploads);
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("fr-CA", "fr")]
    public async Task InAChannel_SheIsAskedToUseThePersonalChat(string locale, string lang)
    {
        var adapter = _bot.Adapter(TestAdapter.ChannelThread(), locale);

        await _bot.Flow(adapter)
            .Send(adapter.MakeMention(lang == "fr" ? "exporter la politique" : "export policy"))
            .AssertReply(Ui("export.personalOnly", Languages.Parse(lang)))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task TheDocument_HasEveryTopicUnderItsArea_EveryDecisionWithItsChoiceOrNotDecided_TheVersion_AndNoSchemaError(string lang)
    {
        var language = Languages.Parse(lang);
        var decided = await DecideHalfAsync();
        var (_, bytes, _) = await _bot.Services.GetRequiredService<ExportFeature>().BuildAsync(language, CancellationToken.None);

        var document = WordDocument.Open(bytes);

        Assert.Empty(document.SchemaErrors);
        Assert.Equal(Ui("export.doc.title", language, "Maison Exemple Inventée"), Assert.Single(document.Styled("Title")));
        Assert.Equal(document.Styled("Title").Single(), document.Title);
        var version = Assert.Single(document.Paragraphs, p => p.Text.StartsWith(Ui("export.doc.version", language, 1, "", "").Split(',')[0], StringComparison.Ordinal)).Text;
        Assert.Contains("Invented Manager", version, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), version, StringComparison.Ordinal);

        // The six areas, and under them the 19 topics, each with its three lists and its source.
        var areas = Content.Topics.OrderBy(t => t.Order).Select(t => t.Area).Distinct().Select(a => Ui($"area.{a}", language)).ToList();
        Assert.Equal(6, areas.Count);
        Assert.Equal(areas.Prepend(Ui("export.doc.emergency", language)).Append(Ui("export.doc.creditsHeading", language)), document.Styled("Heading1"));
        // Grouped by area (in the order the guide first reaches each), in the guide's order within an area.
        var topics = Content.Topics.OrderBy(t => t.Order).GroupBy(t => t.Area).SelectMany(area => area).ToList();
        Assert.Equal(19, topics.Count);
        Assert.Equal(topics.Select(t => t.Text(language).Title), document.Styled("Heading2"));
        foreach (var topic in topics)
        {
            var section = document.After(topic.Text(language).Title, "Heading1", "Heading2");
            Assert.Equal(topic.Text(language).Summary, section[0].Text);
            foreach (var item in topic.Text(language).DoNow.Concat(topic.Text(language).Avoid).Concat(topic.Text(language).Why))
            {
                Assert.Contains(section, p => p.Style == "ListBullet" && p.Text == item);
            }
            Assert.Equal(Content.SourceLine(topic, language), section[^1].Text);
            Assert.Equal("Source", section[^1].Style);
        }

        // Each decision point: its label, then the organisation's choice or "not decided yet" with the guide's options.
        var points = topics.SelectMany(t => t.DecisionPoints).ToList();
        Assert.Equal(AllDecisionPoints.Count, points.Count);
        Assert.Equal(points.Select(p => p.Text(language).Label), document.Styled("Decision"));
        Assert.Equal(points.Count - decided.Count(d => points.Any(p => p.Id == d.Key)), document.Styled("NotDecided").Count());
        foreach (var point in points)
        {
            var after = document.After(point.Text(language).Label, "Decision", "Heading1", "Heading2", "Heading3", "Source");
            if (decided.TryGetValue(point.Id, out var option))
            {
                Assert.Equal(Ui("export.doc.chosen", language, point.Text(language).Options[option]), Assert.Single(after).Text);
            }
            else
            {
                Assert.Equal(Ui("export.doc.notDecided", language), after[0].Text);
                Assert.Equal(point.Options.Select(o => Ui("export.doc.option", language, point.Text(language).Options[o])), after.Skip(1).Select(p => p.Text));
            }
        }

        // Emergency instructions first: 911, the shelter's number as recorded, the procedure not decided yet.
        var emergency = document.After(Ui("export.doc.emergency", language), "Heading1").Select(p => p.Text).ToList();
        Assert.Contains(Ui("scope.safety.call911", language), emergency);
        Assert.Contains(Ui("scope.safety.shelterPhone", language, "555-0100"), emergency);
        Assert.Contains(Ui("export.doc.emergencyProcedureNotDecided", language), emergency);
        Assert.Contains(Ui("export.doc.notCrisisLine", language), emergency);
        Assert.Equal(Ui("export.doc.credits", language), document.Paragraphs[^1].Text);
    }

    [Fact]
    public async Task BeforeAnyChoice_TheDocumentSaysSo_AndEveryDecisionPointIsNotDecided()
    {
        var (name, bytes, _) = await _bot.Services.GetRequiredService<ExportFeature>().BuildAsync(Language.En, CancellationToken.None);

        var document = WordDocument.Open(bytes);

        Assert.Equal("social-media-policy-v0-en.docx", name);
        Assert.Contains(Ui("export.doc.noVersion", Language.En), document.Paragraphs.Select(p => p.Text));
        Assert.Equal(AllDecisionPoints.Count, document.Styled("NotDecided").Count());
        Assert.DoesNotContain(document.Paragraphs, p => p.Text.StartsWith("Our choice", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCredits_RestOnTheGuidesOwnCreditLine()
    {
        Assert.True(Content.Guide.Contains("Adapté pour le Canada avec l’autorisation du Safety Net Project du NNEDV, d’après leur ressource Agency Social Media Policy Guidelines"));
        Assert.Contains("Safety Net Project", Ui("export.doc.credits", Language.Fr), StringComparison.Ordinal);
        Assert.Contains("Safety Net Project", Ui("export.doc.credits", Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUploader_PutsTheWholeFile_WithItsContentRange_AndRefusesPlainHttpElsewhere()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var seen = (context.Request.HttpMethod, context.Request.Headers["Content-Range"], body.ToArray());
            context.Response.StatusCode = 201;
            context.Response.Close();
            return seen;
        });
        var uploader = new HttpFileUploader(new SingleClientFactory());
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 251)).ToArray();

        await uploader.UploadAsync(new Uri($"http://127.0.0.1:{port}/upload/session-0001"), bytes, CancellationToken.None);

        var (method, range, body) = await received;
        Assert.Equal("PUT", method);
        Assert.Equal("bytes 0-2999/3000", range);
        Assert.Equal(bytes, body);
        await Assert.ThrowsAsync<ArgumentException>(() => uploader.UploadAsync(new Uri("http://invented-tenant.sharepoint.invalid/upload"), bytes, CancellationToken.None));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class CapturingUploader : IFileUploader
    {
        public ConcurrentQueue<(Uri Url, byte[] Bytes)> Uploads { get; } = new();

        public Task UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
        {
            Uploads.Enqueue((uploadUrl, content));
            return Task.CompletedTask;
        }
    }
}
