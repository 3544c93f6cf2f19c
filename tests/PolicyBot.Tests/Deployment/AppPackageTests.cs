using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Deployment;

/// <summary>Runs deploymentTemplates/build-app-package.sh and inspects the Teams package it writes.</summary>
[Trait("Category", "Deployment")]
public sealed class AppPackageTests : IDisposable
{
    private const string SampleBotId = "8A1F6C2E-3B4D-4E5F-9A0B-1C2D3E4F5A6B";
    private const string SampleDomain = "policybot-test.azurewebsites.net";

    private readonly string _tempDir = Directory.CreateTempSubdirectory("policybot-package-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    [Fact]
    public async Task Script_WritesAZipWithExactlyTheFourFilesAtTheRoot()
    {
        var zipPath = Path.Combine(_tempDir, "package.zip");

        var (exitCode, output) = await RunScriptAsync(SampleBotId, SampleDomain, zipPath);

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(
            new[] { "color.png", "fr-ca.json", "manifest.json", "outline.png" },
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        foreach (var icon in new[] { "color.png", "outline.png", "fr-ca.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.AppPackage, icon)), ReadEntry(zip, icon));
        }
    }

    [Fact]
    public async Task Script_FillsTheBotIdAndDomain_AndLeavesNoPlaceholder()
    {
        var zipPath = Path.Combine(_tempDir, "package.zip");

        var (exitCode, output) = await RunScriptAsync(SampleBotId, SampleDomain, zipPath);

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(zipPath);
        var text = System.Text.Encoding.UTF8.GetString(ReadEntry(zip, "manifest.json"));
        Assert.DoesNotContain("{{", text);
        Assert.DoesNotContain("}}", text);

        var manifest = JsonNode.Parse(text)!.AsObject();
        var expectedId = SampleBotId.ToLowerInvariant();
        Assert.Equal(expectedId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(expectedId, manifest["composeExtensions"]![0]!["botId"]!.GetValue<string>());
        Assert.Contains(SampleDomain, manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        // The app id stays the package's own fixed id; only the bot id is filled in.
        Assert.NotEqual(expectedId, manifest["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-guid", SampleDomain)]
    [InlineData("8a1f6c2e3b4d4e5f9a0b1c2d3e4f5a6b", SampleDomain)]
    [InlineData("{{BOT_ID}}", SampleDomain)]
    [InlineData(SampleBotId, "https://policybot-test.azurewebsites.net/api/messages")]
    public async Task Script_RejectsABadBotIdOrDomain_AndWritesNothing(string botId, string domain)
    {
        var zipPath = Path.Combine(_tempDir, "package.zip");

        var (exitCode, output) = await RunScriptAsync(botId, domain, zipPath);

        Assert.True(exitCode != 0, $"script accepted '{botId}' / '{domain}':\n{output}");
        Assert.False(File.Exists(zipPath));
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.DeploymentTemplates, "build-app-package.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
