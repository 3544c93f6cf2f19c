using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Knowledge;
using PolicyBot.Tests.Knowledge;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>One message of a scope set: its language, the kind it is, and for some the topic it also concerns.</summary>
public sealed record ScopeMessage(
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("topic")] string? Topic = null)
{
    public Language Language => Languages.Parse(Lang);

    /// <summary>The kinds that count as right: the sets' <c>greeting</c> covers thanks and goodbyes too.</summary>
    public IReadOnlyList<ScopeKind> Accepted => Kind switch
    {
        "crisis" => [ScopeKind.Crisis],
        "legal" => [ScopeKind.Legal],
        "unrelated" => [ScopeKind.Unrelated],
        "greeting" => [ScopeKind.Greeting, ScopeKind.Thanks],
        "thanks" => [ScopeKind.Thanks],
        // A policy question is right when it is not taken for crisis or unrelated (the bar on policy questions).
        "policy" => [ScopeKind.None, ScopeKind.Legal, ScopeKind.Greeting, ScopeKind.Thanks],
        _ => throw new InvalidDataException($"Unknown kind {Kind}."),
    };
}

/// <summary>
/// The scope sets in tests/PolicyBot.Tests/Data, and the scope data's own examples as a set. Each set was written
/// blind by a helper who read only the guide and the topic catalogue, and each is now <b>training data</b>: one
/// author's part of the crisis corpus (Content/scope-corpus/, kinds <c>a3/…</c> to <c>a6/…</c>):
/// <list type="bullet">
/// <item><c>scope-dev-set.json</c> and <c>scope-holdout-set.json</c>: one author, <c>a3</c> (the dev set was used to
/// widen the rules, the held-out one was spent on them the same way);</item>
/// <item><c>scope-holdout3-set.json</c>: <c>a4</c>, spent on the crisis classifier's first corpus;</item>
/// <item><c>scope-holdout4-set.json</c>: <c>a5</c>, and <c>scope-holdout5-set.json</c>: <c>a6</c>, held out (figures
/// only) until they were folded into the corpus for the generalisation across authors;</item>
/// <item><c>scope-holdout6-set.json</c>: <b>still blind</b>, a held-out measure, figures only, see <see cref="ScopeHoldout6Tests"/>;</item>
/// <item><c>scope-holdout7-set.json</c>: blind to every helper, its scope misses read once by the coordinator, figures only;</item>
/// <item><c>scope-holdout8-set.json</c>: <b>still blind</b>, a held-out measure, figures only;</item>
/// <item><c>scope-holdout9-set.json</c>: <b>still blind</b>, a held-out measure, figures only (these three: <see cref="ScopeHoldout7And8Tests"/>);</item>
/// <item><c>scope-holdout10-set.json</c>: <b>still blind</b>, a held-out measure, figures only (<see cref="ScopeHoldout10Tests"/>);</item>
/// <item><c>scope-holdout11-set.json</c>: <b>still blind</b>, a held-out measure, figures only (<see cref="ScopeHoldout11Tests"/>);</item>
/// <item><c>scope-holdout12-set.json</c>: <b>still blind</b>, a held-out measure, figures only (<see cref="ScopeHoldout12Tests"/>);</item>
/// <item><c>scope-holdout13-set.json</c>: <b>still blind</b>, a held-out measure, figures only (with the seventh to ninth: <see cref="ScopeHoldout7And8Tests"/>);</item>
/// <item><c>scope-holdout14-set.json</c>: <b>still blind</b>, a held-out measure, written after the rules of scope step 7, figures only (<see cref="ScopeHoldout14Tests"/>);</item>
/// <item><c>scope-holdout15-set.json</c>: <b>still blind</b>, a held-out measure, written after the cry-for-help rule and the sixteenth round, figures only (<see cref="ScopeHoldout15Tests"/>);</item>
/// <item><c>scope-holdout16-set.json</c>: <b>still blind</b>, a held-out measure, written after the seventeenth round (the fire, glass and farewell-letter rules, the later authors' small talk in the heads), figures only (<see cref="ScopeHoldout16Tests"/>);</item>
/// <item><c>scope-holdout17-set.json</c>: <b>still blind</b>, a held-out measure, written after the twenty-second round (authors a65 to a67 and their rules), figures only;</item>
/// <item><c>scope-holdout18-set.json</c>: <b>still blind</b>, a held-out measure, written after the twenty-seventh round (authors a74 to a82 and their rules), figures only;</item>
/// <item><c>scope-holdout19-set.json</c>: <b>still blind</b>, a held-out measure, written during the twenty-eighth round (authors a83 to a85) and first run after its rules, figures only;</item>
/// <item><c>scope-holdout20-set.json</c>: <b>still blind</b>, a held-out measure, first run after the twenty-ninth round (authors a86 to a88), figures only;</item>
/// <item><c>scope-holdout21-set.json</c>: <b>still blind</b>, a held-out measure, first run after the thirtieth round (authors a89 to a91), figures only;</item>
/// <item><c>scope-holdout22-set.json</c>: <b>still blind</b>, a held-out measure, first run after the thirty-first round (authors a92 to a94), figures only;</item>
/// <item><c>scope-holdout23-set.json</c>: <b>still blind</b>, a held-out measure, written a session later with nothing changed since the twenty-second's run, figures only;</item>
/// <item><c>scope-holdout24-set.json</c>: <b>still blind</b>, a held-out measure, first run after the thirty-second round (authors a95 to a97), figures only;</item>
/// <item><c>scope-holdout25-set.json</c> and <c>scope-holdout26-set.json</c>: <b>still blind</b>, held-out measures, first run with nothing changed since the twenty-fourth's run, figures only;</item>
/// <item><c>scope-holdout27-set.json</c> and <c>scope-holdout28-set.json</c>: <b>still blind</b>, held-out measures, first run after the thirty-fourth round, figures only;</item>
/// <item><c>scope-holdout29-set.json</c> and <c>scope-holdout30-set.json</c>: <b>still blind</b>, held-out measures, first run after the thirty-fifth round, figures only;</item>
/// <item><c>scope-holdout31-set.json</c> and <c>scope-holdout32-set.json</c>: <b>still blind</b>, held-out measures, first run after the thirty-sixth round, figures only;</item>
/// <item><c>scope-holdout33-set.json</c> and <c>scope-holdout34-set.json</c>: <b>still blind</b>, held-out measures, first run after the thirty-seventh round, figures only;</item>
/// <item><c>scope-holdout35-set.json</c> and <c>scope-holdout36-set.json</c>: <b>still blind</b>, held-out measures, first run after the thirty-eighth round, figures only;</item>
/// <item><c>scope-holdout37-set.json</c> and <c>scope-holdout38-set.json</c>: <b>still blind</b>, held-out measures, first run after the thirty-ninth round, figures only;</item>
/// <item><c>scope-holdout39-set.json</c> and <c>scope-holdout40-set.json</c>: <b>still blind</b>, held-out measures, first run after the fortieth round, figures only;</item>
/// <item><c>scope-holdout41-set.json</c> and <c>scope-holdout42-set.json</c>: <b>still blind</b>, held-out measures, first run after the forty-first round, figures only;</item>
/// <item><c>scope-holdout43-set.json</c> and <c>scope-holdout44-set.json</c>: <b>still blind</b>, held-out measures, first run after the forty-second round, figures only;</item>
/// <item><c>scope-holdout45-set.json</c> and <c>scope-holdout46-set.json</c>: <b>still blind</b>, held-out measures, first run after the forty-third round, figures only;</item>
/// <item><c>scope-holdout47-set.json</c> and <c>scope-holdout48-set.json</c>: <b>still blind</b>, the newest held-out measures, first run after the forty-fourth round, figures only (these thirty-two: <see cref="ScopeHoldout17To48Tests"/>).</item>
/// </list>
/// How the model does on an author it never saw: <see cref="ScopeAuthorCrossValidationTests"/>; what the shipped
/// model keeps of them: <see cref="ScopeSetTrainingFiguresTests"/>. The held-out measure is holdout6. <c>Data/BLIND-SETS.md</c> tells the whole story.
/// </summary>
public static class ScopeSets
{
    private static readonly Lazy<IReadOnlyList<ScopeMessage>> Dev = new(() => Load("scope-dev-set.json"));
    private static readonly Lazy<IReadOnlyList<ScopeMessage>> Holdout = new(() => Load("scope-holdout-set.json"));
    private static readonly Lazy<IReadOnlyList<ScopeMessage>> Holdout3 = new(() => Load("scope-holdout3-set.json"));
    private static readonly Lazy<IReadOnlyList<ScopeMessage>> Holdout4 = new(() => Load("scope-holdout4-set.json"));
    private static readonly Lazy<IReadOnlyList<ScopeMessage>> Holdout5 = new(() => Load("scope-holdout5-set.json"));
    private static readonly Lazy<IReadOnlyList<ScopeMessage>> Holdout6 = new(() => Load("scope-holdout6-set.json"));

    /// <summary>The blind sets read by name, each loaded once.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<ScopeMessage>>> Named = new(StringComparer.Ordinal);

    public static IReadOnlyList<ScopeMessage> DevSet => Dev.Value;

    public static IReadOnlyList<ScopeMessage> HoldoutSet => Holdout.Value;

    public static IReadOnlyList<ScopeMessage> Holdout3Set => Holdout3.Value;

    public static IReadOnlyList<ScopeMessage> Holdout4Set => Holdout4.Value;

    public static IReadOnlyList<ScopeMessage> Holdout5Set => Holdout5.Value;

    public static IReadOnlyList<ScopeMessage> Holdout6Set => Holdout6.Value;

    public static IReadOnlyList<ScopeMessage> Holdout10Set => ByName("holdout10");

    public static IReadOnlyList<ScopeMessage> Holdout11Set => ByName("holdout11");

    public static IReadOnlyList<ScopeMessage> Holdout12Set => ByName("holdout12");

    /// <summary>A blind set by its short name (<c>holdout7</c> to <c>holdout28</c>).</summary>
    public static IReadOnlyList<ScopeMessage> ByName(string set) =>
        IsBlindSetName(set)
            ? Named.GetOrAdd(set, name => new(() => Load($"scope-{name}-set.json"))).Value
            : throw new ArgumentException($"No blind set named {set}.", nameof(set));

    private static bool IsBlindSetName(string set) =>
        set.StartsWith("holdout", StringComparison.Ordinal)
        && int.TryParse(set.AsSpan("holdout".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number is >= 7 and <= 48;

    /// <summary>Every example of Content/scope, as a set (the data checks them at start; this prints the same as figures).</summary>
    public static IReadOnlyList<ScopeMessage> DataExamples(ContentLibrary content) =>
    [
        .. content.Scope
            .Where(f => ScopeFiles.TryKind(f.Name, out _))
            .SelectMany(f => new[] { Language.Fr, Language.En }.SelectMany(l => f.For(l).Examples.Select(e => new ScopeMessage(l.Code(), f.Name, e)))),
    ];

    private static IReadOnlyList<ScopeMessage> Load(string file)
    {
        var path = Path.Combine(RoutingSets.RepositoryRoot(), "tests", "PolicyBot.Tests", "Data", file);
        return JsonSerializer.Deserialize<List<ScopeMessage>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
