using PolicyBot.Knowledge;

namespace PolicyBot.Matching;

/// <summary>
/// Reads what a question already says about the guided situation it opens, so the bot does not ask what the
/// user has just told it.
/// <list type="bullet">
/// <item>The situation: the topic's own, unless another situation that can end on the topic has a button the
/// text names with a word no other situation uses, and the text shares a word with that situation's title
/// ("l'adresse d'une femme dans un commentaire" opens the identifying-information situation, whose button
/// "Nom, adresse, photo ou lieu" it names, rather than the hostile-comment one, which would ask what the
/// comment contains).</item>
/// <item>The answers: each question of that situation one of whose buttons, and only one, the text names
/// ("des insultes dans les commentaires" answers "what does the comment contain?"), when that button can still
/// lead to the topic. A button is named by a word of its label that neither its question's other buttons, nor
/// the question, nor the situation's title use, and that at most 40% of the topics use; a button that ends
/// the situation needs two such words and must belong to its first question.</item>
/// </list>
/// Built once per content from its own words; keeps nothing of what it reads.
/// </summary>
internal sealed class SituationReader
{
    /// <summary>A button's word counts only if at most this share of the topics use it.</summary>
    private const double MaxTopicShare = 0.4;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ContentLibrary, SituationReader> Readers = [];

    private readonly ContentLibrary _content;
    private readonly Reading _fr;
    private readonly Reading _en;

    public SituationReader(ContentLibrary content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _content = content;
        _fr = new Reading(Language.Fr, content);
        _en = new Reading(Language.En, content);
    }

    /// <summary>The reader of <paramref name="content"/>'s situations, built once per content.</summary>
    public static SituationReader For(ContentLibrary content) => Readers.GetValue(content, static c => new SituationReader(c));

    /// <summary>Where <paramref name="text"/> (read in <paramref name="language"/>) enters a situation for <paramref name="topicId"/>.</summary>
    public SituationEntry Read(string text, Language language, string topicId)
    {
        var topic = _content.Topic(topicId);
        var reading = language == Language.Fr ? _fr : _en;
        var terms = reading.Terms(text ?? "");
        var situation = reading.Choose(terms, topic);
        return new SituationEntry(situation, reading.Answers(terms, situation, [topic.Id]), topic.Id);
    }

    /// <summary>
    /// For a match that is not sure of its topic: the situation whose title the text names with a word no other
    /// situation's title uses, when that situation can end on the first topic and on another of the first three
    /// ("a hostile comment" when the topics are unacceptable content, a survivor's post and divergent opinions: that
    /// situation's first question tells the first and third apart); otherwise null, and the topics are offered as
    /// choices. Not only the first two: a question's words about posting on the page can lift another topic between
    /// the two the situation covers. Measured on the blind routing sets (figures only): one question of holdout2
    /// more than with the first two opens a situation that cannot end on its topic (two of its 190, instead of
    /// offering its topic among three choices); holdout6's four openings are the same.
    /// </summary>
    public SituationEntry? ReadUnsure(string text, Language language, IReadOnlyList<string> topicIds)
    {
        if (topicIds.Count < 2) return null;
        var reading = language == Language.Fr ? _fr : _en;
        var terms = reading.Terms(text ?? "");
        var offered = topicIds.Take(UnsureTopicsRead).ToList();
        var named = reading.Named(terms, offered, MinUnsureTopicsReached).Where(situation => reading.Reaches(situation, offered[0])).ToList();
        if (named.Count != 1) return null;
        var reached = offered.Where(t => reading.Reaches(named[0], t)).ToList();
        return new SituationEntry(named[0], reading.Answers(terms, named[0], reached), reached[0]);
    }

    /// <summary>How many of an unsure match's first topics <see cref="ReadUnsure"/> reads (the choices a worker would see).</summary>
    internal const int UnsureTopicsRead = 3;

    /// <summary>How many of them a named situation must be able to end on, the first among them.</summary>
    internal const int MinUnsureTopicsReached = 2;

    /// <summary>One language's analysis of the situations.</summary>
    private sealed class Reading
    {
        private readonly TopicAnalyzer _analyzer;
        private readonly HashSet<string> _weak;
        private readonly ContentLibrary _content;
        private readonly Dictionary<string, HashSet<string>> _situationTerms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _rarity = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Situation, string Question, string Option), HashSet<string>> _optionTerms = [];
        private readonly Dictionary<(string Situation, string Question, string Option), HashSet<string>> _reaches = [];
        private readonly Dictionary<(string Situation, string Topic), HashSet<string>> _pathTerms = [];
        private readonly Dictionary<string, HashSet<string>> _titleTerms = new(StringComparer.Ordinal);
        private readonly HashSet<string> _unique = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _topicSpread = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _startReaches = new(StringComparer.Ordinal);

        public Reading(Language language, ContentLibrary content)
        {
            _content = content;
            _analyzer = new TopicAnalyzer(language, content.Synonyms.For(language), TopicMatcherSettings.Default, Vocabulary(content, language));
            _weak = [.. StopWords.Weak(language).SelectMany(_analyzer.Terms)];
            foreach (var situation in content.Situations)
            {
                var title = Content(situation.Title(language));
                _titleTerms[situation.Id] = title;
                foreach (var question in situation.Questions)
                {
                    var shared = Content(question.Text(language));
                    shared.UnionWith(title);
                    var labels = question.Options.ToDictionary(o => o.Id, o => Content(o.Label(language)), StringComparer.Ordinal);
                    foreach (var option in question.Options)
                    {
                        var key = (situation.Id, question.Id, option.Id);
                        var own = new HashSet<string>(labels[option.Id], StringComparer.Ordinal);
                        own.ExceptWith(shared);
                        foreach (var other in question.Options.Where(o => o.Id != option.Id)) own.ExceptWith(labels[other.Id]);
                        _optionTerms[key] = own;
                        _reaches[key] = Reaches(situation, option, []);
                        // The words on the way to each topic: the title, and each question and button that can still lead there.
                        foreach (var topic in _reaches[key])
                        {
                            if (!_pathTerms.TryGetValue((situation.Id, topic), out var path)) _pathTerms[(situation.Id, topic)] = path = new HashSet<string>(title, StringComparer.Ordinal);
                            path.UnionWith(labels[option.Id]);
                            path.UnionWith(Content(question.Text(language)));
                        }
                    }
                }
            }
            foreach (var ((situationId, _), path) in _pathTerms)
            {
                if (!_situationTerms.TryGetValue(situationId, out var all)) _situationTerms[situationId] = all = new HashSet<string>(StringComparer.Ordinal);
                all.UnionWith(path);
            }
            foreach (var topic in content.Topics)
            {
                var text = topic.Text(language);
                var words = new HashSet<string>(StringComparer.Ordinal);
                foreach (var line in text.DoNow.Concat(text.Avoid).Concat(text.Why).Concat(text.Examples).Append(text.Title).Append(text.Summary)) words.UnionWith(Content(line));
                foreach (var word in words) _topicSpread[word] = _topicSpread.GetValueOrDefault(word) + 1;
            }
            foreach (var situation in content.Situations)
            {
                _startReaches[situation.Id] = [.. situation.Question(situation.Start).Options.SelectMany(o => _reaches[(situation.Id, situation.Start, o.Id)])];
            }
            // A word most topics use ("publier", "want", "information") names no button in particular.
            foreach (var own in _optionTerms.Values) own.RemoveWhere(w => _topicSpread.GetValueOrDefault(w) > MaxTopicShare * content.Topics.Count);
            var count = content.Situations.Count;
            foreach (var term in _situationTerms.Values.SelectMany(t => t).Distinct(StringComparer.Ordinal))
            {
                var n = _situationTerms.Values.Count(t => t.Contains(term));
                if (n == 1) _unique.Add(term);
                _rarity[term] = Math.Log(1 + (count - n + 0.5) / (n + 0.5));
            }
        }

        public HashSet<string> Terms(string text) => Content(text);

        /// <summary>
        /// The topic's own situation, unless the text names a button of another situation that can end on the
        /// topic with a word no other situation uses, and shares a word with that situation's title.
        /// </summary>
        public Situation Choose(HashSet<string> terms, Topic topic)
        {
            var own = _content.Situation(topic.Situation);
            Situation? best = null;
            var bestWeight = 0.0;
            foreach (var situation in _content.Situations)
            {
                if (situation.Id == own.Id || !Reaches(situation, topic.Id)) continue;
                if (!_titleTerms[situation.Id].Overlaps(terms)) continue;
                var named = Answers(terms, situation, [topic.Id])
                    .Select(a => _optionTerms[(situation.Id, a.Key, a.Value)])
                    .Any(words => words.Any(w => terms.Contains(w) && _unique.Contains(w)));
                if (!named) continue;
                var weight = Weight(terms, situation, topic.Id);
                if (weight > bestWeight) (best, bestWeight) = (situation, weight);
            }
            return best ?? own;
        }

        /// <summary>The situations that can end on at least <paramref name="min"/> of <paramref name="topicIds"/> and whose title the text names with a word only that title uses.</summary>
        public IEnumerable<Situation> Named(HashSet<string> terms, IReadOnlyList<string> topicIds, int min) =>
            _content.Situations.Where(s =>
                topicIds.Count(t => Reaches(s, t)) >= min && _titleTerms[s.Id].Any(w => terms.Contains(w) && _unique.Contains(w)));

        /// <summary>Whether <paramref name="situation"/> can end on <paramref name="topicId"/>.</summary>
        public bool Reaches(Situation situation, string topicId) => _startReaches[situation.Id].Contains(topicId);

        /// <summary>
        /// The questions of <paramref name="situation"/> the text already answers, with the answer (option ids only),
        /// each from a button that can still lead to one of <paramref name="topicIds"/>.
        /// </summary>
        public Dictionary<string, string> Answers(HashSet<string> terms, Situation situation, IReadOnlyList<string> topicIds)
        {
            var answers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var question in situation.Questions)
            {
                var named = question.Options
                    .Select(o => (Option: o, Words: _optionTerms[(situation.Id, question.Id, o.Id)].Count(terms.Contains)))
                    .Where(o => o.Words > 0)
                    .ToList();
                if (named.Count != 1) continue;
                var (option, words) = named[0];
                if (!topicIds.Any(_reaches[(situation.Id, question.Id, option.Id)].Contains)) continue;
                // Ending the situation on what the text says needs more: two words, and only for its first question
                // (a later question is read in the light of the answers before it, which the text did not give).
                if (option.Outcome is not null && (words < 2 || question.Id != situation.Start)) continue;
                answers[question.Id] = option.Id;
            }
            return answers;
        }

        /// <summary>How much of the text the words on the situation's way to the topic cover, rarer words weighing more.</summary>
        private double Weight(HashSet<string> terms, Situation situation, string topicId) =>
            _pathTerms.TryGetValue((situation.Id, topicId), out var words) ? terms.Where(words.Contains).Sum(t => _rarity[t]) : 0;

        /// <summary>The topics a button can still lead to (the content guarantees there are no cycles; <paramref name="seen"/> guards anyway).</summary>
        private static HashSet<string> Reaches(Situation situation, SituationOption option, HashSet<string> seen)
        {
            if (option.Outcome is not null) return new HashSet<string>(StringComparer.Ordinal) { option.Outcome.Topic };
            var topics = new HashSet<string>(StringComparer.Ordinal);
            if (option.Next is null || !seen.Add(option.Next)) return topics;
            foreach (var next in situation.Question(option.Next).Options) topics.UnionWith(Reaches(situation, next, seen));
            return topics;
        }

        /// <summary>The distinct terms of a text that say something: no stop words, no question or personal words alone.</summary>
        private HashSet<string> Content(string text)
        {
            var terms = new HashSet<string>(_analyzer.Terms(text), StringComparer.Ordinal);
            terms.RemoveWhere(t => _weak.Contains(t) || t.All(char.IsAsciiDigit));
            return terms;
        }

        /// <summary>The words spelling correction takes as right: every text of the content in that language.</summary>
        private static IEnumerable<string> Vocabulary(ContentLibrary content, Language language)
        {
            foreach (var topic in content.Topics)
            {
                var text = topic.Text(language);
                foreach (var line in text.DoNow.Concat(text.Avoid).Concat(text.Why).Concat(text.Examples).Append(text.Title).Append(text.Summary)) yield return line;
            }
            foreach (var situation in content.Situations)
            {
                yield return situation.Title(language);
                foreach (var question in situation.Questions)
                {
                    yield return question.Text(language);
                    foreach (var option in question.Options) yield return option.Label(language);
                }
            }
        }
    }
}

/// <summary>The situation a free-text question opens, the answers (question id → option id) it already gives, and the topic that led there.</summary>
public sealed record SituationEntry(Situation Situation, IReadOnlyDictionary<string, string> Answers, string Topic);
