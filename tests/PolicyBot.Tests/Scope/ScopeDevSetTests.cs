using PolicyBot.Knowledge;
using Xunit.Abstractions;
using PolicyBot.Matching;

namespace PolicyBot.Tests.Scope;

/// <summary>
/// The development set written blind to the scope data (tests/PolicyBot.Tests/Data/scope-dev-set.json, 15
/// messages per kind and language). How blind it still is: its first figures were taken before any message
/// of it was read — crisis fr 14/15, en 9/15; legal fr 10/15, en 15/15; unrelated fr 15/15, en 14/15;
/// greeting fr 14/15, en 15/15. Then its misses were read and the vocabulary was widened for the kinds of
/// phrasing they showed (death predicted as a threat, goodbyes and giving things away, breathing and waking,
/// prowling, doors kicked in, bailiffs and copyright claims), with new examples of my own; so the figures
/// below are optimistic. Since then the set has also joined the crisis corpus (author <c>a3</c>): these are training
/// figures, and <see cref="ScopeAuthorCrossValidationTests"/> shows the model with its author left out.
/// </summary>
[Trait("Category", "Sets")]
public sealed class ScopeDevSetTests(ITestOutputHelper output)
{
    [Fact]
    public void DevSet_EveryCrisisMessage_IsRecognisedAndOtherKindsReach90Percent()
    {
        var failures = new List<string>();
        foreach (var (label, locale) in new (string, Func<ScopeMessage, Language>)[] { ("locale = message language", m => m.Language), ("locale = the other language", m => m.Language.Other()) })
        {
            var report = new ScopeReport(SharedMatching.Recognizer(ContentLibrary.Default), ScopeSets.DevSet, locale);
            var text = report.Describe($"Scope dev set, {label}");
            output.WriteLine(text);
            Console.WriteLine(text);
            foreach (var kind in new[] { "crisis", "legal", "unrelated", "greeting" })
            {
                foreach (var language in new[] { Language.Fr, Language.En })
                {
                    var recall = report.Recall(kind, language);
                    var bar = kind == "crisis" ? 1.0 : 0.9;
                    if (recall < bar) failures.Add($"{label}: {kind} {language.Code()} {recall:P1} < {bar:P0}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
