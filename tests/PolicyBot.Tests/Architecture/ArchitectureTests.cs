using System.Reflection;
using BotFramework;
using BotFramework.Builder;
using BotFramework.Hosting;
using BotFramework.State;
using PolicyBot.Bot;

namespace PolicyBot.Tests.Architecture;

/// <summary>
/// The layering, checked on the compiled assemblies: inside each assembly the folders use each other one way
/// (no cycle); the product and the protocol core use no ASP.NET Core and no Azure SDK type (the host wires
/// those in: BotFramework.AspNetCore, BotFramework.Azure); no framework assembly uses the product.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ArchitectureTests
{
    private static readonly Assembly Product = typeof(PolicyBotHandler).Assembly;
    private static readonly Assembly Core = typeof(BotAdapter).Assembly;
    private static readonly Assembly AspNetCore = typeof(CloudAdapter).Assembly;
    private static readonly Assembly Azure = typeof(BlobStorage).Assembly;
    private static readonly Assembly Testing = typeof(BotFramework.Testing.TestAdapter).Assembly;

    public static TheoryData<string> Assemblies() => ["PolicyBot", "BotFramework", "BotFramework.AspNetCore", "BotFramework.Azure", "BotFramework.Testing"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void FoldersOfEachAssembly_UseEachOtherOneWay(string name)
    {
        var assembly = new[] { Product, Core, AspNetCore, Azure, Testing }.Single(a => a.GetName().Name == name);
        var graph = new FolderGraph(name, CompiledDependencies.Read(assembly));

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => $"{name}: folders {string.Join(" <-> ", c)} use each other:\n  {graph.Explain(c).Replace("; ", "\n  ", StringComparison.Ordinal)}")));
    }

    [Theory]
    [InlineData("PolicyBot")]
    [InlineData("BotFramework")]
    public void ProductAndProtocolCore_UseNoAspNetCoreAndNoAzureSdk(string name)
    {
        var assembly = new[] { Product, Core }.Single(a => a.GetName().Name == name);

        var offending = CompiledDependencies.Read(assembly)
            .Where(use => IsHostingOrAzure(use.To.Namespace) || IsHostingOrAzure(use.To.Assembly))
            .Select(use => $"{use.From.Namespace}.{use.From.Name} uses {use.To.Namespace}.{use.To.Name} ({use.To.Assembly})")
            .Distinct()
            .ToList();
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(IsHostingOrAzure).ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
        Assert.True(references.Count == 0, $"{name} references {string.Join(", ", references)}");
    }

    [Theory]
    [InlineData("BotFramework")]
    [InlineData("BotFramework.AspNetCore")]
    [InlineData("BotFramework.Azure")]
    [InlineData("BotFramework.Testing")]
    public void TheFramework_NeverUsesTheProduct(string name)
    {
        var assembly = new[] { Core, AspNetCore, Azure, Testing }.Single(a => a.GetName().Name == name);

        var offending = CompiledDependencies.Read(assembly)
            .Where(use => use.To.Assembly == "PolicyBot" || use.To.Namespace.StartsWith("PolicyBot", StringComparison.Ordinal))
            .Select(use => $"{use.From.Namespace}.{use.From.Name} uses {use.To.Namespace}.{use.To.Name}")
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == "PolicyBot");
    }

    [Fact]
    public void TheReading_SeesUsesInsideMethodBodies()
    {
        // PolicyBotHandler only calls TurnInfo.Of and ScopeReplies.TryCrisisAsync in its bodies: the reading must see them.
        var uses = CompiledDependencies.Read(Product).Where(u => u.From.Name == nameof(PolicyBotHandler)).Select(u => u.To.Name).ToHashSet();

        Assert.Contains("TurnInfo", uses);
        Assert.Contains("ConversationScope", uses);
    }

    [Fact]
    public void ACycleBetweenFolders_IsFoundAndNamed()
    {
        var graph = new FolderGraph([("Bot", "Policy"), ("Policy", "Cards"), ("Cards", "Bot"), ("Cards", "Knowledge"), ("Onboarding", "Knowledge")]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["Bot", "Cards", "Policy"], cycle);
        Assert.Contains("Cards.A uses Bot.B", graph.Explain(cycle));
    }

    [Fact]
    public void OneWayFolders_HaveNoCycle()
    {
        var graph = new FolderGraph([("Bot", "Situations"), ("Situations", "Conversation"), ("Conversation", "Cards"), ("Bot", "Cards")]);

        Assert.Empty(graph.Cycles());
    }

    private static bool IsHostingOrAzure(string name) =>
        name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name == "Azure" || name.StartsWith("Azure.", StringComparison.Ordinal);
}
