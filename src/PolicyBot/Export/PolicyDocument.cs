using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyBot.Cards;
using PolicyBot.Knowledge;

namespace PolicyBot.Export;

/// <summary>What the document is made from: the organisation's name, and the policy version with its date and who saved it.</summary>
public sealed record PolicyEdition(string? OrganisationName, int Version, DateTimeOffset? At, string? ApprovedBy, OrganisationChoices Choices);

/// <summary>
/// The organisation's social-media policy as a Word document, in one language: a title with the organisation's
/// name, the version, its date and who approved it; the guide's areas and every topic with what to do, what to
/// avoid and why (the bot's own guideline text, each resting on the guide); for each decision point the
/// organisation's choice, or "not decided yet" with the guide's options; the emergency instructions; each topic's
/// source section; the guide's credits. Paragraph styles (Title, Heading1–3, ListBullet) carry the structure.
/// </summary>
public static class PolicyDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(PolicyEdition edition, Language language) =>
        string.Create(CultureInfo.InvariantCulture, $"{(language == Language.Fr ? "politique-medias-sociaux" : "social-media-policy")}-v{edition.Version}-{language.Code()}.docx");

    public static byte[] Build(ContentLibrary content, PolicyEdition edition, Language language)
    {
        string Ui(string key, params object[] args) => content.Ui(key, language, args);
        var culture = CultureInfo.GetCultureInfo(language == Language.Fr ? "fr-CA" : "en-CA");
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, culture.Name);
            AddBullets(main);
            var body = new Body();
            main.Document = new Document(body);

            var organisation = string.IsNullOrWhiteSpace(edition.OrganisationName) ? Ui("export.doc.ourOrganisation") : edition.OrganisationName.Trim();
            body.Append(Paragraph("Title", Ui("export.doc.title", organisation)));
            body.Append(Paragraph(null, edition.Version == 0
                ? Ui("export.doc.noVersion")
                : Ui("export.doc.version", edition.Version,
                    edition.At?.ToString("d MMMM yyyy", culture) ?? Ui("export.doc.unknown"),
                    string.IsNullOrWhiteSpace(edition.ApprovedBy) ? Ui("export.doc.unknown") : edition.ApprovedBy)));
            body.Append(Paragraph(null, Ui("export.doc.generated")));
            body.Append(Paragraph(null, Ui("export.doc.intro")));

            // Emergencies first, as in the bot: danger to a person comes before any policy.
            body.Append(Paragraph("Heading1", Ui("export.doc.emergency")));
            body.Append(Paragraph("ListBullet", Ui("scope.safety.call911")));
            body.Append(Paragraph("ListBullet", Ui("scope.safety.suicide")));
            var shelter = EmergencyInstructions.From(edition.Choices);
            body.Append(Paragraph("ListBullet", shelter.Phone is { } phone ? Ui("scope.safety.shelterPhone", phone) : Ui("export.doc.emergencyPhoneNotDecided")));
            body.Append(Paragraph("ListBullet", shelter.Procedure is { } procedure ? Ui("scope.safety.shelterProcedure", procedure) : Ui("export.doc.emergencyProcedureNotDecided")));
            body.Append(Paragraph("ListBullet", Ui("export.doc.notCrisisLine")));

            foreach (var area in content.Topics.OrderBy(t => t.Order).GroupBy(t => t.Area))
            {
                body.Append(Paragraph("Heading1", Ui($"area.{area.Key}")));
                foreach (var topic in area)
                {
                    var text = topic.Text(language);
                    body.Append(Paragraph("Heading2", text.Title));
                    body.Append(Paragraph(null, text.Summary));
                    AppendList(body, Ui("guideline.doNow"), text.DoNow);
                    AppendList(body, Ui("guideline.avoid"), text.Avoid);
                    AppendList(body, Ui("guideline.why"), text.Why);
                    if (topic.DecisionPoints.Count > 0)
                    {
                        body.Append(Paragraph("Heading3", Ui("export.doc.decisions")));
                        foreach (var point in topic.DecisionPoints) AppendDecision(body, point, edition.Choices, language, Ui);
                    }
                    body.Append(Paragraph("Source", content.SourceLine(topic, language)));
                }
            }

            body.Append(Paragraph("Heading1", Ui("export.doc.creditsHeading")));
            body.Append(Paragraph(null, Ui("export.doc.credits")));
            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));

            document.PackageProperties.Title = Ui("export.doc.title", organisation);
            document.PackageProperties.Language = culture.Name;
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AppendList(Body body, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        body.Append(Paragraph("Heading3", heading));
        foreach (var item in items) body.Append(Paragraph("ListBullet", item));
    }

    private static void AppendDecision(Body body, DecisionPoint point, OrganisationChoices choices, Language language, Func<string, object[], string> ui)
    {
        var text = point.Text(language);
        body.Append(Paragraph("Decision", text.Label));
        if (choices.OptionFor(point) is { } chosen && text.Options.TryGetValue(chosen, out var option))
        {
            body.Append(Paragraph("ListBullet", ui("export.doc.chosen", [option])));
            return;
        }
        body.Append(Paragraph("NotDecided", ui("export.doc.notDecided", [])));
        foreach (var id in point.Options)
        {
            if (text.Options.TryGetValue(id, out var described)) body.Append(Paragraph("ListBullet", ui("export.doc.option", [described])));
        }
    }

    private static Paragraph Paragraph(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private const int BulletList = 1;

    /// <summary>One bullet list definition, which the ListBullet style uses.</summary>
    private static void AddBullets(MainDocumentPart main)
    {
        var bullet = new AbstractNum(
            new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "\u2022" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" })) { LevelIndex = 0 })
        { AbstractNumberId = 1 };
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(bullet, new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList });
    }

    private static void AddStyles(MainDocumentPart main, string languageTag)
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" },
                    new DocumentFormat.OpenXml.Wordprocessing.Languages { Val = languageTag })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            Style("Normal", "Normal", null, isDefault: true),
            Style("Title", "Title", new StyleRunProperties(new Bold(), new Color { Val = "5B2C83" }, new FontSize { Val = "40" })),
            Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new Color { Val = "5B2C83" }, new FontSize { Val = "32" }), outline: 0),
            Style("Heading2", "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "28" }), outline: 1),
            Style("Heading3", "heading 3", new StyleRunProperties(new Bold(), new FontSize { Val = "24" }), outline: 2),
            Style("ListBullet", "List Bullet", null, indent: true),
            Style("Decision", "Decision point", new StyleRunProperties(new Bold())),
            Style("NotDecided", "Not decided", new StyleRunProperties(new Bold(), new Italic(), new Color { Val = "9C2B2B" })),
            Style("Source", "Source", new StyleRunProperties(new Italic(), new FontSize { Val = "18" })));
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    private static Style Style(string id, string name, StyleRunProperties? run, bool isDefault = false, int? outline = null, bool indent = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        var paragraph = new StyleParagraphProperties();
        if (outline is { } level)
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new SpacingBetweenLines { Before = "240", After = "120" });
            paragraph.Append(new OutlineLevel { Val = level });
        }
        if (indent)
        {
            paragraph.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }));
            paragraph.Append(new Indentation { Left = "360", Hanging = "360" });
        }
        if (paragraph.HasChildren) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }
}
