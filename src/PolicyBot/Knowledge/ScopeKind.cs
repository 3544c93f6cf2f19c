namespace PolicyBot.Knowledge;

/// <summary>
/// What a typed message is, before any topic is looked for (Content/scope/). The recogniser tries
/// crisis, legal, thanks, greeting, then unrelated: danger to a person always wins.
/// </summary>
public enum ScopeKind
{
    /// <summary>Nothing to answer before the topics: the message goes on to topic matching.</summary>
    None,

    /// <summary>Someone in danger now: violence, an abuser present or on the way, a threat, suicide or self-harm, a child at risk.</summary>
    Crisis,

    /// <summary>Suing, defamation, liability, subpoenas, police or court requests, what the law requires.</summary>
    Legal,

    /// <summary>Thanks or goodbye, and nothing else.</summary>
    Thanks,

    /// <summary>A greeting (or "who are you?"), and nothing else.</summary>
    Greeting,

    /// <summary>Not about social media at all (IT, payroll, shifts…).</summary>
    Unrelated,
}

/// <summary>
/// What <see cref="ScopeRecognizer"/> found: the kind, the language whose vocabulary recognised it,
/// whether the message also speaks of social media (a threat posted in a comment is a crisis and a
/// page matter), and, for a crisis, whether it is also a legal question ("can he sue us if we delete his
/// threats?": the safety card first, then the no-legal-advice reply). It holds nothing of the text.
/// </summary>
public sealed record ScopeResult(ScopeKind Kind, Language Language, bool AboutSocialMedia, bool AlsoLegal = false)
{
    public static ScopeResult Nothing(Language language) => new(ScopeKind.None, language, false);
}

/// <summary>The kinds a message is checked for, in the order they are tried (danger first).</summary>
internal static class ScopeKinds
{
    public static readonly ScopeKind[] Order = [ScopeKind.Crisis, ScopeKind.Legal, ScopeKind.Thanks, ScopeKind.Greeting, ScopeKind.Unrelated];
}
