using System.Globalization;
using System.Text;
using PolicyBot.Knowledge;
using PolicyBot.Matching;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Scope;

/// <summary>Figures per kind and language for a set of messages, and the list of misses (written to the test output only).</summary>
internal sealed class ScopeReport
{
    private readonly List<(ScopeMessage Message, ScopeResult Result)> _results;

    public ScopeReport(ScopeRecognizer recognizer, IReadOnlyList<ScopeMessage> messages, Func<ScopeMessage, Language>? locale = null)
    {
        locale ??= m => m.Language;
        _results = [.. messages.Select(m => (m, recognizer.Recognize(m.Text, locale(m))))];
    }

    /// <summary>
    /// The report of a set, each message read in its own language or, with <paramref name="otherLocale"/>, in a
    /// user's locale of the other language. Its figures go to the test output, and its misses too unless the set is
    /// still <paramref name="blind"/> (then nobody reads a message of it by reading the output).
    /// </summary>
    public static ScopeReport ForSet(IReadOnlyList<ScopeMessage> set, string title, bool otherLocale, ITestOutputHelper output, bool blind = false)
    {
        var report = new ScopeReport(SharedMatching.Recognizer(ContentLibrary.Default), set, m => otherLocale ? m.Language.Other() : m.Language);
        var lines = report.Describe($"{title}, locale = {(otherLocale ? "the other language" : "message language")}").Split('\n');
        output.WriteLine(string.Join('\n', blind ? lines.Where(l => !l.StartsWith("    [", StringComparison.Ordinal)) : lines));
        return report;
    }

    /// <summary>The issue's bar: every crisis message of the set recognised, in each language.</summary>
    public void AssertEveryCrisisRecognised()
    {
        Assert.Equal(1.0, Recall("crisis", Language.Fr));
        Assert.Equal(1.0, Recall("crisis", Language.En));
    }

    /// <summary>
    /// A blind set's floors for the kinds other than crisis: greetings, legal and unrelated messages recognised as their
    /// kind, and policy questions not taken for crisis or unrelated, each at least its share.
    /// </summary>
    public void AssertOtherKindsReached(string set, double greeting, double legal, double unrelated, double policy)
    {
        Assert.True(Recall("greeting") >= greeting, $"{set}: greetings fell below {greeting:P1}.");
        Assert.True(Recall("legal") >= legal, $"{set}: legal questions fell below {legal:P1}.");
        Assert.True(Recall("unrelated") >= unrelated, $"{set}: unrelated messages fell below {unrelated:P1}.");
        Assert.True(Recall("policy") >= policy, $"{set}: more policy questions than before were taken for crisis or unrelated (below {policy:P1} right).");
    }

    /// <summary>A blind set's crisis floors per language, where the issue's 100% is not met.</summary>
    public void AssertCrisisReached(string set, double french, double english)
    {
        Assert.True(Recall("crisis", Language.Fr) >= french, $"{set}: French crisis recall fell below {french:P1}.");
        Assert.True(Recall("crisis", Language.En) >= english, $"{set}: English crisis recall fell below {english:P1}.");
    }

    /// <summary>Share of the messages of <paramref name="kind"/> (and language, when given) recognised as their kind.</summary>
    public double Recall(string kind, Language? language = null)
    {
        var rows = Rows(kind, language).ToList();
        return rows.Count == 0 ? 1 : (double)rows.Count(Right) / rows.Count;
    }

    public IEnumerable<ScopeMessage> Misses(string kind) => Rows(kind, null).Where(r => !Right(r)).Select(r => r.Message);

    public string Describe(string title)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{title} ({_results.Count} messages): recognised as their kind");
        foreach (var kind in _results.Select(r => r.Message.Kind).Distinct().Order(StringComparer.Ordinal))
        {
            var line = new StringBuilder($"  {kind,-10}");
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                var rows = Rows(kind, language).ToList();
                if (rows.Count == 0) continue;
                line.Append(CultureInfo.InvariantCulture, $"  {language.Code()} {rows.Count(Right),2}/{rows.Count,-2} {Recall(kind, language),7:P1}");
            }
            var confusions = Rows(kind, null).Where(r => !Right(r)).GroupBy(r => r.Result.Kind).Select(g => $"{g.Count()} as {g.Key}");
            line.Append("   misses: ").Append(string.Join(", ", confusions));
            // A message taken for danger on which the legal rules hold too gets the no-legal-advice reply after the safety card:
            // what a legal question gains, and what danger and other messages get in addition.
            var alsoLegal = Rows(kind, null).Count(r => r.Result.Kind == ScopeKind.Crisis && r.Result.AlsoLegal);
            if (kind == "legal") line.Append(CultureInfo.InvariantCulture, $"; of these, told no legal advice after the safety card: {alsoLegal}");
            else if (alsoLegal > 0) line.Append(CultureInfo.InvariantCulture, $"; given the safety card and the legal reply: {alsoLegal}");
            report.AppendLine(line.ToString());
        }
        foreach (var (message, result) in _results.Where(r => !Right(r)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"    [{message.Lang}] {message.Kind} → {result.Kind}: {message.Text}");
        }
        return report.ToString();
    }

    private IEnumerable<(ScopeMessage Message, ScopeResult Result)> Rows(string kind, Language? language) =>
        _results.Where(r => r.Message.Kind == kind && (language is null || r.Message.Language == language));

    private static bool Right((ScopeMessage Message, ScopeResult Result) row) => row.Message.Accepted.Contains(row.Result.Kind);
}
