namespace PolicyBot.Knowledge;

/// <summary>
/// The checks the content passes when it loads: every statement quoted from the guide, inside one of its
/// sections; situations that reach their topics; button labels that fit a phone. A problem stops the bot at
/// start, not in front of a user.
/// </summary>
internal sealed class ContentChecks(ContentLibrary content, GuidePassages? passages)
{
    public IEnumerable<string> Problems()
    {
        if (passages is null) yield return "The topics' sections are not lines of the guide, in the topics' order.";
        foreach (var problem in ScopeFiles.Problems(content.Scope)) yield return problem;
        foreach (var (name, file) in new[] { (ScopeCorpus.CrisisFile, content.Corpus.Crisis), (ScopeCorpus.CalmFile, content.Corpus.Calm) })
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                if (file.For(language).Count == 0 || file.For(language).Values.Any(v => v.Count == 0 || v.Any(string.IsNullOrWhiteSpace))) yield return $"{name} ({language.Code()}): every kind needs messages, none empty.";
            }
        }
        foreach (var topic in content.Topics)
        {
            foreach (var problem in TopicSourceProblems(topic)) yield return problem;
            if (!content.TryGetSituation(topic.Situation, out var situation))
            {
                yield return $"Topic {topic.Id} names situation {topic.Situation}, which does not exist.";
            }
            else if (!ContentLibrary.OutcomeTopics(situation).Contains(topic.Id))
            {
                yield return $"Topic {topic.Id} names situation {topic.Situation}, which never ends on it.";
            }
        }
        foreach (var situation in content.Situations)
        {
            var ids = situation.Questions.Select(q => q.Id).ToHashSet();
            if (!ids.Contains(situation.Start)) yield return $"Situation {situation.Id} starts at a missing question {situation.Start}.";
            foreach (var problem in LabelProblems($"Situation {situation.Id}: the title", situation.Fr.Title, situation.En.Title)) yield return problem;
            foreach (var question in situation.Questions)
            {
                foreach (var option in question.Options)
                {
                    foreach (var problem in LabelProblems($"Situation {situation.Id}, {question.Id}/{option.Id}: the label", option.Fr, option.En)) yield return problem;
                    if ((option.Next is null ? 0 : 1) + (option.Outcome is null ? 0 : 1) + (option.Safety ? 1 : 0) != 1)
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: needs exactly one of next, outcome or safety.";
                    }
                    if (option.Next is not null && !ids.Contains(option.Next))
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: next question {option.Next} is missing.";
                    }
                    if (option.Outcome is not null && !content.TryGetTopic(option.Outcome.Topic, out _))
                    {
                        yield return $"Situation {situation.Id}, {question.Id}/{option.Id}: topic {option.Outcome.Topic} does not exist.";
                    }
                    if (option.Outcome is { } outcome)
                    {
                        var where = $"Situation {situation.Id}, {question.Id}/{option.Id}";
                        if (outcome.Fr.Count is < 1 or > 3 || outcome.En.Count is < 1 or > 3)
                        {
                            yield return $"{where}: {outcome.Fr.Count} French and {outcome.En.Count} English outcome lines; an outcome has 1 to 3 in each language.";
                        }
                        // Every line the bot says about this case rests on a passage of the guide.
                        if (outcome.Sources.Count == 0) yield return $"{where}: the outcome lines have no sources; give one excerpt of the guide per line.";
                        foreach (var problem in SourceProblems(where, "outcome lines", outcome.Sources, outcome.Fr.Count, outcome.En.Count)) yield return problem;
                        if (content.TryGetTopic(outcome.Topic, out var ending) && SkipProblem(outcome, ending) is { } skip) yield return $"{where}: {skip}";
                    }
                }
            }
        }
    }

    /// <summary>
    /// Every statement of a topic, and every option of its decision points, must carry a source from the
    /// guide, inside one section of it: a statement without one stops the bot at start.
    /// </summary>
    private IEnumerable<string> TopicSourceProblems(Topic topic)
    {
        var where = $"Topic {topic.Id}";
        var sources = topic.Sources ?? new TopicSources();
        if (sources.Summary is null) yield return $"{where}: the summary has no source.";
        else if (content.Guide.Problem(sources.Summary) is { } summaryProblem) yield return $"{where}: the summary's source {summaryProblem}.";
        foreach (var (field, list, fr, en) in StatementSources(topic))
        {
            if (list.Count == 0) yield return $"{where}: {field} has no sources; give one per statement.";
            foreach (var problem in SourceProblems(where, field, list, fr, en)) yield return problem;
        }
        foreach (var point in topic.DecisionPoints)
        {
            foreach (var option in point.Options.Where(o => !point.Sources.ContainsKey(o)))
            {
                yield return $"{where}, decision point {point.Id}/{option}: the option has no source.";
            }
            foreach (var (option, excerpt) in point.Sources)
            {
                if (!point.Options.Contains(option)) yield return $"{where}, decision point {point.Id}: a source is given for '{option}', which is not one of its options.";
                else if (content.Guide.Problem(excerpt) is { } problem) yield return $"{where}, decision point {point.Id}/{option}: the source {problem}.";
            }
        }
        if (passages is null) yield break;
        foreach (var excerpt in Excerpts(topic).Where(e => content.Guide.Problem(e) is null && passages.HeadingOf(e) is null))
        {
            yield return $"{where}: the source \"{excerpt}\" runs across two sections of the guide; quote one.";
        }
    }

    private static IEnumerable<(string Field, List<string> Sources, int Fr, int En)> StatementSources(Topic topic)
    {
        var sources = topic.Sources ?? new TopicSources();
        yield return ("doNow", sources.DoNow, topic.Fr.DoNow.Count, topic.En.DoNow.Count);
        yield return ("avoid", sources.Avoid, topic.Fr.Avoid.Count, topic.En.Avoid.Count);
        yield return ("why", sources.Why, topic.Fr.Why.Count, topic.En.Why.Count);
    }

    /// <summary>Every excerpt a topic quotes: its statements' sources, then its decision points'.</summary>
    internal static IEnumerable<string> Excerpts(Topic topic)
    {
        if (topic.Sources?.Summary is { } summary) yield return summary;
        foreach (var (_, list, _, _) in StatementSources(topic)) foreach (var excerpt in list) yield return excerpt;
        foreach (var point in topic.DecisionPoints) foreach (var excerpt in point.Sources.Values) yield return excerpt;
    }

    /// <summary>Sources run parallel to the statements they support; each one must be quoted from the guide.</summary>
    internal IEnumerable<string> SourceProblems(string where, string field, IReadOnlyList<string> sources, int frCount, int enCount)
    {
        if (sources.Count == 0) yield break;
        if (sources.Count != frCount || sources.Count != enCount)
        {
            yield return $"{where}: {sources.Count} sources for {frCount} French and {enCount} English {field}; give one per statement.";
        }
        for (var i = 0; i < sources.Count; i++)
        {
            if (content.Guide.Problem(sources[i]) is { } problem) yield return $"{where}: the source of {field}[{i}] {problem}.";
        }
    }

    /// <summary>Why a button label cannot stand (empty, or too long to read whole on a phone), in each language.</summary>
    internal static IEnumerable<string> LabelProblems(string where, string fr, string en)
    {
        foreach (var (language, label) in new[] { ("French", fr), ("English", en) })
        {
            if (string.IsNullOrWhiteSpace(label)) yield return $"{where} is empty in {language}.";
            else if (label.Length > ContentLibrary.MaxButtonLabelLength) yield return $"{where} \"{label}\" has {label.Length} characters in {language}; a button label has at most {ContentLibrary.MaxButtonLabelLength}.";
        }
    }

    /// <summary>Why an outcome's skipDoNow does not fit its topic, or null when it does.</summary>
    internal static string? SkipProblem(SituationOutcome outcome, Topic topic)
    {
        var steps = Math.Min(topic.Fr.DoNow.Count, topic.En.DoNow.Count);
        if (outcome.SkipDoNow.Any(n => n < 1 || n > steps)) return $"skipDoNow [{string.Join(", ", outcome.SkipDoNow)}] names a step {topic.Id} does not have (it has {steps}).";
        if (outcome.SkipDoNow.Distinct().Count() != outcome.SkipDoNow.Count) return "skipDoNow names a step twice.";
        if (outcome.SkipDoNow.Count > 0 && outcome.SkipDoNow.Count >= steps) return $"skipDoNow leaves none of {topic.Id}'s steps.";
        return null;
    }
}
