using BotFramework.Text;

namespace PolicyBot.Knowledge;

/// <summary>
/// The guide the content rests on (Content/guide/social-media-policy-guide.fr.txt, shipped beside the assembly), searchable
/// for the verbatim excerpts that each statement of the content cites as its <c>source</c>.
/// Whitespace runs and apostrophes (every kind `TextNormalizer.Apostrophes` lists) are made equal before comparing, nothing else.
/// </summary>
public sealed class Guide
{
    public const string ResourceName = "content/guide/social-media-policy-guide.fr.txt";

    /// <summary>The fewest words an excerpt may have: fewer would match too many passages to prove anything.</summary>
    public const int MinimumExcerptWords = 5;

    private readonly string _normalised;

    public Guide(string text)
    {
        Text = text;
        _normalised = Normalise(text);
    }

    /// <summary>The guide as written.</summary>
    public string Text { get; }

    /// <summary>True when the excerpt appears in the guide word for word (after normalisation).</summary>
    public bool Contains(string excerpt) => Normalise(excerpt) is { Length: > 0 } e && _normalised.Contains(e, StringComparison.Ordinal);

    /// <summary>Why an excerpt cannot stand as a source, or null when it can.</summary>
    public string? Problem(string? excerpt)
    {
        if (string.IsNullOrWhiteSpace(excerpt)) return "is empty";
        if (WordCount(excerpt) < MinimumExcerptWords) return $"has fewer than {MinimumExcerptWords} words";
        return Contains(excerpt) ? null : "is not in the guide";
    }

    /// <summary>
    /// Cuts the guide into passages, one per section heading given (in the guide's order): a passage runs
    /// from the first line that starts with its heading to the next heading's line. The opening lines,
    /// before the first heading, belong to the first passage. Null when a heading is not the start of a
    /// line, in order.
    /// </summary>
    public GuidePassages? Passages(IReadOnlyList<string> headings)
    {
        var lines = Text.Split('\n');
        var starts = new List<int>(headings.Count);
        var from = 0;
        foreach (var heading in headings)
        {
            var line = Array.FindIndex(lines, from, l => l.Trim().StartsWith(heading, StringComparison.Ordinal));
            if (line < 0) return null;
            starts.Add(line);
            from = line + 1;
        }
        var passages = new List<string>(headings.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var start = i == 0 ? 0 : starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : lines.Length;
            passages.Add(Normalise(string.Join('\n', lines[start..end])));
        }
        return new GuidePassages(headings, passages);
    }

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static Guide LoadShipped() => new(ShippedFiles.ReadText(ResourceName));

    /// <summary>Runs of white space and every kind of apostrophe made equal; nothing else (an excerpt is verbatim).</summary>
    internal static string Normalise(string text) => TextNormalizer.Normalize(text, TextFolding.Apostrophes | TextFolding.Spaces);
}

/// <summary>The guide cut into one passage per section heading (<see cref="Guide.Passages"/>).</summary>
public sealed class GuidePassages(IReadOnlyList<string> headings, IReadOnlyList<string> normalisedPassages)
{
    /// <summary>The heading of the passage that holds the excerpt word for word, or null (not in the guide, or across two passages).</summary>
    public string? HeadingOf(string excerpt)
    {
        var e = Guide.Normalise(excerpt);
        if (e.Length == 0) return null;
        for (var i = 0; i < normalisedPassages.Count; i++)
        {
            if (normalisedPassages[i].Contains(e, StringComparison.Ordinal)) return headings[i];
        }
        return null;
    }
}
