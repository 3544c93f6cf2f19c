using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PolicyBot.Tests.Deployment;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Runs the node scripts of <c>tools/cards</c> (reference templater, validator, Playground driver).
/// A missing node or a missing <c>npm ci</c> fails the test with what to run; it never skips.
/// </summary>
internal static class NodeTools
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tools", "cards");

    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>Runs <c>node tools/cards/&lt;script&gt;</c> with <paramref name="input"/> written to a temp file passed as the first argument.</summary>
    public static async Task<Result> RunWithInputAsync(string script, JsonNode input, TimeSpan timeout, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"policybot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString());
        try
        {
            return await RunAsync(script, timeout, [.. args, file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<Result> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var arg in args) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"node is not installed or not on PATH ({e.Message}); the card tests need node 20 or later.", e);
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException($"node {script} did not finish in {timeout.TotalSeconds:0} s. It said:\n{await errors}");
            }
            return new Result(process.ExitCode, await output, await errors);
        }
    }

    /// <summary>Fails with the command to run when <c>tools/cards</c> has not been installed.</summary>
    public static void EnsureInstalled()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "adaptivecards")) || !File.Exists(Path.Combine(Folder, "hostconfigs", "microsoft-teams-light.json")))
        {
            throw new InvalidOperationException($"The card tools are not installed in {Folder}: run `bash .ci/cards.sh` (or `npm ci --prefix tools/cards`).");
        }
    }

    /// <summary>Fails with the command to run when Debian's Chromium is missing.</summary>
    public static void EnsureChromium()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install Debian's chromium (as root: `bash .ci/cards.sh`, or `sudo apt-get install chromium`), or set CHROMIUM to a Chromium or Chrome binary.");
        }
    }
}
