using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyBot.Tests.Export;

/// <summary>A .docx opened with the Open XML SDK, as Word reads it: its paragraphs with their styles, its language, its schema errors.</summary>
internal sealed record WordDocument(IReadOnlyList<(string? Style, string Text)> Paragraphs, string? Language, string? Title, IReadOnlyList<string> SchemaErrors)
{
    public static WordDocument Open(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, string.Concat(p.Descendants<Text>().Select(t => t.Text))))
            .ToList();
        var language = document.MainDocumentPart.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?
            .GetFirstChild<Languages>()?.Val?.Value;
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        return new WordDocument(paragraphs, language, document.PackageProperties.Title, errors);
    }

    public IEnumerable<string> Styled(string style) => Paragraphs.Where(p => p.Style == style).Select(p => p.Text);

    /// <summary>The paragraphs after the first one with this text, up to the next of the given styles.</summary>
    public IReadOnlyList<(string? Style, string Text)> After(string text, params string[] until)
    {
        var start = Paragraphs.ToList().FindIndex(p => p.Text == text);
        if (start < 0) throw new InvalidOperationException($"No paragraph \"{text}\".");
        return [.. Paragraphs.Skip(start + 1).TakeWhile(p => !until.Contains(p.Style))];
    }
}
