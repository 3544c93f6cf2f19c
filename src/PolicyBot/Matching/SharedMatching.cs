using System.Runtime.CompilerServices;
using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// What is built from one <see cref="ContentLibrary"/> and never changes afterwards: its topic matcher (two BM25
/// indexes and a trained classifier) and its scope recogniser (with the crisis classifier it trains). Each is built
/// once per content instance, on first use, and shared by every service provider over that content: the host builds
/// them once at start, and the many in-process bots of the tests reuse them. Content loaded another way (an edited
/// copy) is another instance and gets its own. Holds no state of any turn, user or organisation.
/// </summary>
public static class SharedMatching
{
    private static readonly ConditionalWeakTable<ContentLibrary, Lazy<TopicMatcher>> Matchers = [];
    private static readonly ConditionalWeakTable<ContentLibrary, Lazy<ScopeRecognizer>> Recognizers = [];
    private static readonly ConditionalWeakTable<ContentLibrary, Lazy<CrisisClassifier>> CrisisClassifiers = [];
    private static readonly ConditionalWeakTable<ContentLibrary, Lazy<ScopeKindClassifier>> KindClassifiers = [];

    /// <summary>The topic matcher over <paramref name="content"/>.</summary>
    public static TopicMatcher Matcher(ContentLibrary content) => Once(Matchers, content, c => new TopicMatcher(c));

    /// <summary>The scope recogniser over <paramref name="content"/> (checked against its examples when built).</summary>
    public static ScopeRecognizer Recognizer(ContentLibrary content) => Once(Recognizers, content, c => new ScopeRecognizer(c));

    /// <summary>
    /// The crisis classifier trained on <paramref name="content"/>'s corpus: also shared by recognisers built over
    /// other scope data with the same content (tests), since it learns from the content alone.
    /// </summary>
    internal static CrisisClassifier Crisis(ContentLibrary content) => Once(CrisisClassifiers, content, c => CrisisClassifier.Train(ScopeRecognizer.TrainingSet(c)));

    /// <summary>The small-talk and unrelated heads trained on <paramref name="content"/>, shared the same way.</summary>
    internal static ScopeKindClassifier Kinds(ContentLibrary content) => Once(KindClassifiers, content, c => ScopeKindClassifier.Train(ScopeKindClassifier.TrainingSet(c)));

    // A Lazy per content, so that hosts starting at the same moment wait for one build instead of each making its own.
    private static T Once<T>(ConditionalWeakTable<ContentLibrary, Lazy<T>> table, ContentLibrary content, Func<ContentLibrary, T> build)
    {
        ArgumentNullException.ThrowIfNull(content);
        return table.GetValue(content, c => new Lazy<T>(() => build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
