using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyBot.Knowledge;

namespace PolicyBot.Tests.Knowledge;

/// <summary>One held-out routing question and the topic it belongs to.</summary>
public sealed record RoutingQuestion(
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("topic")] string Topic)
{
    public Language Language => Languages.Parse(Lang);
}

/// <summary>
/// The routing questions written by blind authors; none of them is an example of the content. The spent
/// sets are in src/PolicyBot/Knowledge/Content/questions/ (the first four since issue 12's sixth round, two more
/// authors' since its seventh): the matcher learns from
/// them (<see cref="ContentLibrary.Questions"/>), so their own tests (<see cref="RoutingSetTests"/>) now measure
/// questions it was trained on, and each is measured honestly only by leaving it out
/// (<see cref="RoutingLeaveOneSetOutTests"/>). The scope recogniser does not learn from the first four, so
/// ScopePolicyQuestionTests still reads them as unseen (not a7 and a8, whose authors' messages are the scope corpus's to use). routing-holdout2-set.json stays in tests/PolicyBot.Tests/Data,
/// out of every training set. How blind each one was, honestly:
/// <list type="bullet">
/// <item><c>routing-dev-set.json</c> (114): the development set. Its misses were read, and the
/// vocabulary and situations suggested to the authors of the later examples were drawn partly from them,
/// so its figures are optimistic;</item>
/// <item><c>routing-test-set.json</c> (190): written blind to the examples, the dev set and the matcher; its
/// misses were read once, before the last two matcher changes (the other-language fallback and keeping
/// question words), and its English misses once more while the examples of issue 12 were written, so it is
/// spent as well;</item>
/// <item><c>routing-holdout-set.json</c> (190): written blind in the same way after that; only its overall
/// and per-language figures have been looked at, never a question: three times before issue 12, and during
/// it five times (before any change, after the new examples, and for three matcher settings, two of which
/// — stopping question words — were not kept). <b>It is spent since</b>: a second author of topic examples read
/// its misses while trying a new set of examples (withdrawn; see the content README), so its figures are now
/// optimistic too;</item>
/// <item><c>routing-dev2-set.json</c> (114, 3 per topic and language): written for issue 12 blind to the
/// examples and the other sets, and given to the matcher's author for development. Its figures before any
/// change were taken first (93.0% top-1, 99.1% top-3); then its misses were read, and the new examples were
/// written for the kinds of question it showed to be weak (residents' social media here vs limiting it,
/// staff's own accounts vs the page's connections), in other words, never its wording. It is spent too.</item>
/// <item><c>routing-a7-set.json</c> (258) and <c>routing-a8-set.json</c> (259): written as training data for
/// the seventh round by two helpers working blind (the guide and the topic catalogue only; each README in the
/// author's own words is summarised in the content README), 130 policy questions per language each, about a quarter
/// marked <c>"hard"</c> (alarming words about past or general matters); a few carry an <c>"alt"</c> topic, which
/// only the record keeps. Their crisis messages are not here (the scope corpus's business). Three questions equal to
/// a topic example or to an earlier set's question were left out. Their figures before the matcher learnt any of
/// them are in <see cref="RoutingLeaveOneSetOutTests"/>; since then they are training data like the others;</item>
/// <item><c>routing-a9-set.json</c> (240) and <c>routing-a10-set.json</c> (239): the policy questions of two more
/// helpers who wrote training data blind for issue 12's eighth round (the guide and the topic table only), 120 per
/// language each, 35 or 36 per language marked <c>"hard"</c>; one question equal to an earlier set's was left out. Their
/// figures before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a11-set.json</c> (240) and <c>routing-a12-set.json</c> (240): the same for issue 12's ninth round's
/// two helpers (120 per language each, 35 per language marked <c>"hard"</c>); none equal to a shipped or set message.
/// Their figures before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a13-set.json</c> (240) and <c>routing-a14-set.json</c> (239): the same for issue 12's tenth round's
/// two helpers (120 per language each, 35 or 36 per language marked <c>"hard"</c>); one question of a14 equal to a
/// shipped message (and a blind scope set's) was left out. Their figures before the matcher learnt them are in
/// <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a15-set.json</c> (240) and <c>routing-a16-set.json</c> (240): the same for issue 12's eleventh
/// round's two helpers (120 per language each, 35 per language marked <c>"hard"</c>); none equal to a shipped or set
/// message. Their figures before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a17-set.json</c> (240) and <c>routing-a18-set.json</c> (240): the same for issue 12's twelfth
/// round's two helpers (120 per language each, 35 to 37 per language marked <c>"hard"</c>); none equal to a shipped or
/// set message. Their figures before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a19-set.json</c> (237) and <c>routing-a20-set.json</c> (240): the same for issue 12's thirteenth
/// round's two helpers (119 and 118 per language for a19, 120 for a20; 35 per language marked <c>"hard"</c>); three
/// questions of a19 equal to a shipped or set message (one of them a blind scope set's) were left out. Their figures
/// before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a21-set.json</c> (238) and <c>routing-a22-set.json</c> (240): the same for issue 12's fourteenth
/// round's two helpers (119 per language for a21, 120 for a22; 36 to 38 per language marked <c>"hard"</c>); two
/// questions of a21 equal to a shipped or set message (one of them a blind scope set's) were left out. Their figures
/// before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a23-set.json</c> (239) and <c>routing-a24-set.json</c> (240): the same for issue 12's fifteenth
/// round's two helpers (119 and 120 per language for a23, 120 for a24; 35 and 36 per language marked <c>"hard"</c>);
/// one question of a23 equal to a shipped or set message (a routing set's and the corpus's) was left out. Their figures
/// before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a25-set.json</c> (159) and <c>routing-a26-set.json</c> (159): the same for issue 12's sixteenth
/// round's two helpers (79 French and 80 English each; 30 per language marked <c>"hard"</c>); one French question of each
/// equal to a shipped or set message (a routing set's; for a26 a blind scope set's too) was left out. Their figures
/// before the matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item><c>routing-a27-set.json</c> (158) and <c>routing-a28-set.json</c> (158): the same for issue 12's seventeenth
/// round's first two helpers (80 per language, 30 per language marked <c>"hard"</c>; their other messages teach the
/// scope models); two questions of each equal to a shipped or set message were left out. Their figures before the
/// matcher learnt them are in <see cref="RoutingLeaveOneSetOutTests"/>;</item>
/// <item>the policy questions of <c>scope-holdout4-set.json</c> and <c>scope-holdout5-set.json</c> (authors <c>a5</c>
/// and <c>a6</c>, 80 each): spent as scope sets, but never learnt by the matcher nor used to write the examples, so
/// they measure it as shipped (<see cref="RoutingLeaveOneSetOutTests.NeverLearnt"/>); learning them was tried and
/// not kept;</item>
/// <item><c>routing-holdout2-set.json</c> (190, 5 per topic and language): issue 12's held-out set, written
/// blind to the examples and the other sets by the author of the dev2 set, kept away from the matcher's
/// authors until the examples and the matcher were final, then run by the coordinator (what was read of it
/// since, and changed, is in <see cref="RoutingHoldout2SetTests"/>).</item>
/// </list>
/// The honest measures are sets the matcher's authors never see (the 152 staff questions, kept
/// outside the team, and the next set written like the last one). Never copy or paraphrase any of these into <c>examples</c>.
/// </summary>
public static class RoutingSets
{
    /// <summary>Where the spent sets live: the content the matcher learns from.</summary>
    private static readonly string[] TrainingFolder = ["src", "PolicyBot", "Knowledge", "Content", "questions"];

    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Dev = new(() => Load(TrainingFolder, "routing-dev-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Test = new(() => Load(TrainingFolder, "routing-test-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Holdout = new(() => Load(TrainingFolder, "routing-holdout-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Dev2 = new(() => Load(TrainingFolder, "routing-dev2-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A7 = new(() => Load(TrainingFolder, "routing-a7-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A8 = new(() => Load(TrainingFolder, "routing-a8-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A9 = new(() => Load(TrainingFolder, "routing-a9-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A10 = new(() => Load(TrainingFolder, "routing-a10-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A11 = new(() => Load(TrainingFolder, "routing-a11-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A12 = new(() => Load(TrainingFolder, "routing-a12-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A13 = new(() => Load(TrainingFolder, "routing-a13-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A14 = new(() => Load(TrainingFolder, "routing-a14-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A15 = new(() => Load(TrainingFolder, "routing-a15-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A16 = new(() => Load(TrainingFolder, "routing-a16-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A17 = new(() => Load(TrainingFolder, "routing-a17-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A18 = new(() => Load(TrainingFolder, "routing-a18-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A19 = new(() => Load(TrainingFolder, "routing-a19-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A20 = new(() => Load(TrainingFolder, "routing-a20-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A21 = new(() => Load(TrainingFolder, "routing-a21-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A22 = new(() => Load(TrainingFolder, "routing-a22-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A23 = new(() => Load(TrainingFolder, "routing-a23-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A24 = new(() => Load(TrainingFolder, "routing-a24-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A25 = new(() => Load(TrainingFolder, "routing-a25-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A26 = new(() => Load(TrainingFolder, "routing-a26-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A27 = new(() => Load(TrainingFolder, "routing-a27-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> A28 = new(() => Load(TrainingFolder, "routing-a28-set.json"));
    private static readonly Lazy<IReadOnlyList<RoutingQuestion>> Holdout2 = new(() => Load(["tests", "PolicyBot.Tests", "Data"], "routing-holdout2-set.json"));


    public static IReadOnlyList<RoutingQuestion> DevSet => Dev.Value;

    public static IReadOnlyList<RoutingQuestion> TestSet => Test.Value;

    public static IReadOnlyList<RoutingQuestion> HoldoutSet => Holdout.Value;

    public static IReadOnlyList<RoutingQuestion> Dev2Set => Dev2.Value;

    public static IReadOnlyList<RoutingQuestion> A7Set => A7.Value;

    public static IReadOnlyList<RoutingQuestion> A8Set => A8.Value;

    public static IReadOnlyList<RoutingQuestion> A9Set => A9.Value;

    public static IReadOnlyList<RoutingQuestion> A10Set => A10.Value;

    public static IReadOnlyList<RoutingQuestion> A11Set => A11.Value;

    public static IReadOnlyList<RoutingQuestion> A12Set => A12.Value;

    public static IReadOnlyList<RoutingQuestion> A13Set => A13.Value;

    public static IReadOnlyList<RoutingQuestion> A14Set => A14.Value;

    public static IReadOnlyList<RoutingQuestion> A15Set => A15.Value;

    public static IReadOnlyList<RoutingQuestion> A16Set => A16.Value;

    public static IReadOnlyList<RoutingQuestion> A17Set => A17.Value;

    public static IReadOnlyList<RoutingQuestion> A18Set => A18.Value;

    public static IReadOnlyList<RoutingQuestion> A19Set => A19.Value;

    public static IReadOnlyList<RoutingQuestion> A20Set => A20.Value;

    public static IReadOnlyList<RoutingQuestion> A21Set => A21.Value;

    public static IReadOnlyList<RoutingQuestion> A22Set => A22.Value;

    public static IReadOnlyList<RoutingQuestion> A23Set => A23.Value;

    public static IReadOnlyList<RoutingQuestion> A24Set => A24.Value;

    public static IReadOnlyList<RoutingQuestion> A25Set => A25.Value;

    public static IReadOnlyList<RoutingQuestion> A26Set => A26.Value;

    public static IReadOnlyList<RoutingQuestion> A27Set => A27.Value;

    public static IReadOnlyList<RoutingQuestion> A28Set => A28.Value;

    public static IReadOnlyList<RoutingQuestion> Holdout2Set => Holdout2.Value;

    /// <summary>The repository root: the first folder above the test binaries that holds PolicyBot.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No PolicyBot.sln above {AppContext.BaseDirectory}.");
    }

    private static IReadOnlyList<RoutingQuestion> Load(string[] folder, string file)
    {
        var path = Path.Combine([RepositoryRoot(), .. folder, file]);
        return JsonSerializer.Deserialize<List<RoutingQuestion>>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
