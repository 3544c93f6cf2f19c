using System.Text;

namespace PolicyBot.Knowledge;

/// <summary>
/// The guide the content rests on (Content/guide/social-media-policy-guide.fr.txt, embedded), searchable
/// for the verbatim excerpts that each statement of the content cites as its <c>source</c>.
/// Whitespace runs and apostrophes (’ ‘ ') are made equal before comparing, nothing else.
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

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static Guide LoadEmbedded()
    {
        using var stream = typeof(Guide).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"Missing embedded content {ResourceName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new Guide(reader.ReadToEnd());
    }

    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c is '’' or '‘' or 'ʼ' ? '\'' : c);
        }
        return builder.ToString();
    }
}
