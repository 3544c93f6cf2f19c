using PolicyBot.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The scope data's own examples (Content/scope/*.json), per kind and language. Nothing is trained: the
/// vocabulary and rules are written by hand and the examples are their specification, so every one must be
/// recognised (the bot also refuses to start otherwise) — these figures say how much the data covers, not how
/// well it generalises; <see cref="ScopeDevSetTests"/> and the held-out set do that.
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeExamplesTests(ITestOutputHelper output)
{
    [Fact]
    public void DataExamples_Each_IsRecognisedAsItsKind()
    {
        var examples = ScopeSets.DataExamples(ContentLibrary.Default);
        var report = new ScopeReport(SharedMatching.Recognizer(ContentLibrary.Default), examples);
        var text = report.Describe("Scope data examples, locale = example language");
        output.WriteLine(text);
        Console.WriteLine(text);

        foreach (var kind in examples.Select(e => e.Kind).Distinct())
        {
            Assert.Empty(report.Misses(kind));
        }
        Assert.True(examples.Count(e => e.Kind == "crisis") >= 100, "The crisis data needs a wide range of examples.");
    }
}
