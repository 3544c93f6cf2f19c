using System.Text.Json;
using System.Text.Json.Nodes;
using BotFramework.Builder;
using BotFramework.Dialogs;
using BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Cards;
using PolicyBot.Conversation;
using PolicyBot.Knowledge;
using PolicyBot.Policy;

namespace PolicyBot.Export;

/// <summary>
/// <c>export policy</c> / <c>exporter la politique</c>: the organisation's policy as a Word document in her language,
/// delivered the Teams way in a personal chat — a file consent card; when she accepts, the file is uploaded to the
/// URL Teams gives (her OneDrive) and a file info card shows it; when she declines, nothing is sent. In a channel she
/// is asked to use the personal chat. Nothing is stored: the document is made from the current policy each time.
/// </summary>
public sealed class ExportFeature(
    ContentLibrary content,
    PolicyStore policy,
    IFileUploader uploader,
    RouteConditions conditions,
    IOptions<ExportOptions> options,
    ILogger<ExportFeature> logger) : IFeature
{
    public const string FileConsentCardType = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoCardType = "application/vnd.microsoft.teams.card.file.info";

    public void MapRoutes(RouteTable routes) => routes
        .OnCommand(["export policy", "export the policy", "export our policy", "policy document",
            "exporter la politique", "exporter notre politique", "document de politique"], OfferAsync, conditions.PersonalChatOnly("export.personalOnly"))
        .OnInvoke(InvokeNames.FileConsent, AnswerConsentAsync);

    /// <summary>The document for the current policy, in <paramref name="language"/>.</summary>
    public async Task<(string Name, byte[] Bytes, PolicyEdition Edition)> BuildAsync(Language language, CancellationToken cancellationToken)
    {
        var current = await policy.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var edition = new PolicyEdition(options.Value.OrganisationName, current.Version, current.At, current.By?.Name, current.ToChoices());
        return (PolicyDocument.FileName(edition, language), PolicyDocument.Build(content, edition, language), edition);
    }

    private async Task<bool> OfferAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var language = TurnInfo.Of(dc.Context).Language;
        var (name, bytes, edition) = await BuildAsync(language, cancellationToken).ConfigureAwait(false);
        var context = new JsonObject { ["language"] = language.Code(), ["version"] = edition.Version };
        var consent = new Attachment
        {
            ContentType = FileConsentCardType,
            Name = name,
            Content = new JsonObject
            {
                ["description"] = content.Ui("export.consent.description", language, edition.Version),
                ["sizeInBytes"] = bytes.Length,
                ["acceptContext"] = context.DeepClone(),
                ["declineContext"] = context.DeepClone(),
            },
        };
        var message = Activity.CreateMessage(content.Ui("export.consent.intro", language));
        message.Attachments = [consent];
        await dc.Context.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Her answer to the consent card: upload and show the file on accept, say so on decline.</summary>
    private async Task<object?> AnswerConsentAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var value = turn.Activity.Value is { ValueKind: JsonValueKind.Object } v ? v : default;
        var code = CardData.String(Child(value, "context"), "language");
        var language = code is "fr" or "en" ? Languages.Parse(code) : TurnInfo.Of(turn).Language;
        var action = CardData.String(value, "action");
        if (action == "decline")
        {
            await turn.SendActivityAsync(content.Ui("export.declined", language), cancellationToken).ConfigureAwait(false);
            return null;
        }
        var upload = Child(value, "uploadInfo");
        if (action != "accept" || !Uri.TryCreate(CardData.String(upload, "uploadUrl"), UriKind.Absolute, out var uploadUrl)
            || CardData.String(upload, "contentUrl") is not { Length: > 0 } contentUrl)
        {
            logger.LogInformation("A file consent answer came without what the upload needs; nothing uploaded");
            await turn.SendActivityAsync(content.Ui("export.failed", language), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var (name, bytes, _) = await BuildAsync(language, cancellationToken).ConfigureAwait(false);
        try
        {
            await TurnEffects.Of(turn).OnceAsync("export.upload", () => uploader.UploadAsync(uploadUrl, bytes, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or TaskCanceledException)
        {
            logger.LogWarning("The policy document could not be uploaded: {ExceptionType}", e.GetType().Name);
            await turn.SendActivityAsync(content.Ui("export.failed", language), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var info = new Attachment
        {
            ContentType = FileInfoCardType,
            ContentUrl = contentUrl,
            Name = CardData.String(upload, "name") is { Length: > 0 } uploaded ? uploaded : name,
            Content = new JsonObject
            {
                ["uniqueId"] = CardData.String(upload, "uniqueId"),
                ["fileType"] = CardData.String(upload, "fileType") ?? "docx",
            },
        };
        var message = Activity.CreateMessage(content.Ui("export.uploaded", language));
        message.Attachments = [info];
        await turn.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>An object field of the invoke's value; an empty element when it is missing or not an object.</summary>
    private static JsonElement Child(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : default;
}
