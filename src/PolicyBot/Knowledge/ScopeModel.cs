namespace PolicyBot.Knowledge;

/// <summary>
/// One file of Content/scope/: the vocabulary (concepts), the rules and the examples of one kind of
/// message, in French and in English. <c>concepts.json</c> holds concepts every kind may use and no rules.
/// </summary>
public sealed class ScopeFile
{
    /// <summary>The file's name without <c>.json</c>: <c>concepts</c> or a <see cref="ScopeKind"/> in lower case.</summary>
    public string Name { get; set; } = "";

    public required ScopeLanguage Fr { get; init; }
    public required ScopeLanguage En { get; init; }

    public ScopeLanguage For(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>
/// One file of Content/scope-corpus/: messages written for the crisis classifier (see the content README),
/// grouped by kind (of danger for <c>crisis.json</c>, of calm message for <c>calm.json</c>) in each language.
/// </summary>
public sealed class ScopeCorpusFile
{
    public Dictionary<string, List<string>> Fr { get; init; } = [];
    public Dictionary<string, List<string>> En { get; init; } = [];

    public Dictionary<string, List<string>> For(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>The crisis classifier's own corpus: crisis messages by kind of danger, and calm ones.</summary>
public sealed record ScopeCorpus(ScopeCorpusFile Crisis, ScopeCorpusFile Calm)
{
    /// <summary>The files' names under Content/scope-corpus/.</summary>
    public const string CrisisFile = "content/scope-corpus/crisis.json";

    public const string CalmFile = "content/scope-corpus/calm.json";
}

/// <summary>One language's part of a scope file.</summary>
public sealed class ScopeLanguage
{
    /// <summary>
    /// Concept name → words and phrases. A phrase matches consecutive words after analysis (elision, case,
    /// accents, light stemming); a word ending with <c>*</c> matches any word that starts with it.
    /// </summary>
    public Dictionary<string, List<string>> Concepts { get; init; } = [];

    /// <summary>
    /// Symbol → the word it stands for, read in its place (an emoji such as "🆘" or "🔫", which the analysis would
    /// otherwise drop). Only signs that mean one thing belong here.
    /// </summary>
    public Dictionary<string, string> Symbols { get; init; } = [];

    /// <summary>The message is of this kind when any rule holds.</summary>
    public List<ScopeRule> Rules { get; init; } = [];

    /// <summary>Messages that must be recognised as this kind (checked when the bot starts).</summary>
    public List<string> Examples { get; init; } = [];

    /// <summary>Messages close to this kind that must not be recognised as it (checked when the bot starts).</summary>
    public List<string> NotExamples { get; init; } = [];
}

/// <summary>
/// A rule holds when the message has at least <see cref="MinKnownWords"/> words that the bot knows (words of
/// its content or of the scope data: "asdf qwerty" is not a question about anything), every concept of
/// <see cref="All"/> is in it, none of <see cref="None"/> is, and, when
/// <see cref="Only"/> is given, every word of the message belongs to one of the <see cref="All"/> or
/// <see cref="Only"/> concepts.
/// </summary>
public sealed class ScopeRule
{
    public List<string> All { get; init; } = [];
    public List<string> None { get; init; } = [];
    public List<string> Only { get; init; } = [];
    public int MinKnownWords { get; init; }

    /// <summary>
    /// True for a rule that holds only when the message is read in the language it is written in: a broad rule
    /// ("a person, and no word of social media, policy or office life") would hold for any text read in the
    /// wrong language, whose words it does not know.
    /// </summary>
    public bool OwnLanguageOnly { get; init; }
}

/// <summary>The names of the scope files and the checks on their shape (the vocabulary itself is checked by the scope recogniser).</summary>
public static class ScopeFiles
{
    /// <summary>The file of shared concepts.</summary>
    public const string Concepts = "concepts";

    /// <summary>Each kind needs at least this many examples per language: they are the data's own test.</summary>
    public const int MinExamples = 10;

    /// <summary>The kind a file describes, from its name (<c>crisis</c> → <see cref="ScopeKind.Crisis"/>); false for <c>concepts</c>.</summary>
    public static bool TryKind(string name, out ScopeKind kind)
    {
        foreach (var candidate in ScopeKinds.Order)
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = ScopeKind.None;
        return false;
    }

    internal static IEnumerable<string> Problems(IReadOnlyList<ScopeFile> files)
    {
        foreach (var file in files)
        {
            var isKind = TryKind(file.Name, out _);
            if (!isKind && file.Name != Concepts) yield return $"scope/{file.Name}.json: the name must be {Concepts} or a kind ({string.Join(", ", ScopeKinds.Order.Select(k => k.ToString().ToLowerInvariant()))}).";
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                var data = file.For(language);
                var where = $"scope/{file.Name}.json ({language.Code()})";
                if (!isKind && (data.Rules.Count > 0 || data.Examples.Count > 0 || data.NotExamples.Count > 0)) yield return $"{where}: shared concepts only, no rules or examples.";
                if (isKind && data.Rules.Count == 0) yield return $"{where}: no rules.";
                if (isKind && data.Examples.Count < MinExamples) yield return $"{where}: {data.Examples.Count} examples, at least {MinExamples} needed.";
                if (data.Rules.Any(r => r.All.Count == 0 && r.MinKnownWords < 1)) yield return $"{where}: every rule needs a concept in \"all\" or a \"minKnownWords\".";
                foreach (var (concept, phrases) in data.Concepts)
                {
                    if (phrases.Count == 0 || phrases.Any(string.IsNullOrWhiteSpace)) yield return $"{where}: the concept \"{concept}\" has an empty phrase or none.";
                }
                foreach (var duplicate in data.Examples.Concat(data.NotExamples).GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                {
                    yield return $"{where}: \"{duplicate.Key}\" is listed twice.";
                }
            }
        }
        foreach (var kind in ScopeKinds.Order)
        {
            if (!files.Any(f => TryKind(f.Name, out var k) && k == kind)) yield return $"scope/{kind.ToString().ToLowerInvariant()}.json is missing.";
        }
        if (!files.Any(f => f.Name == Concepts)) yield return $"scope/{Concepts}.json is missing.";
    }
}
