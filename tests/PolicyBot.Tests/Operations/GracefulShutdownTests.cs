using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BotFramework.Schema;
using Activity = BotFramework.Schema.Activity;
using BotFramework.Testing;
using PolicyBot.Tests.Deployment;
using PolicyBot.Tests.EndToEnd;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Operations;

/// <summary>
/// The host as App Service runs it, in its own process, sent SIGTERM (a restart, a scale-in, a slot swap) while a
/// turn is running: it takes no new turn, lets the running one save and deliver, then exits by itself.
/// </summary>
[Trait("Category", "Host")]
public sealed class GracefulShutdownTests
{
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [Fact]
    public async Task SigTerm_DuringARunningTurn_RefusesNewTurns_DeliversTheRunningOnesReply_ThenExits()
    {
        await using var connector = await FakeConnector.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.Hold = release.Task;
        var folder = Path.Combine(Path.GetTempPath(), "policybot-shutdown", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = ChildProcess.FreePort();
        try
        {
            using var host = ChildProcess.Start("dotnet", folder,
            [
                BotAssembly(), "--environment", "Development", "--urls", $"http://127.0.0.1:{port}", "--Storage:Provider=File",
                $"--Storage:Folder={Path.Combine(folder, "state")}", "--Bot:TypingDelay=00:00:30", "--Bot:ShutdownGracePeriod=00:00:30",
            ]);
            await host.WaitForHttpAsync($"http://127.0.0.1:{port}/healthz", "PolicyBot.Web", TimeSpan.FromSeconds(90));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
            var teams = new TeamsActivities(connector.ServiceUrl, "a:shutdown-chat-0001", "29:shutdown-user-0001");

            // A turn runs: its reply is on its way to the Connector, which holds it.
            var running = PostAsync(client, teams.Message("menu"));
            await WaitUntilAsync(() => connector.Holding >= 1, "the running turn's reply reached the Connector");

            Assert.Equal(0, SendSignal(host.Id, SigTerm));
            await WaitUntilAsync(() => host.Output.Contains("Stopping: new turns are refused", StringComparison.Ordinal), "the host said it is stopping");

            // A new turn is not taken: 503 with Retry-After (Teams sends it again), or no listener at all any more.
            var other = new TeamsActivities(connector.ServiceUrl, "a:shutdown-chat-0002", "29:shutdown-user-0002");
            try
            {
                using var refused = await PostAsync(client, other.Message("menu"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
            }
            catch (HttpRequestException)
            {
                // Kestrel had already stopped listening: not taken either.
            }

            // The running turn was not cut: once the Connector answers, its reply is delivered and its request answered.
            Assert.False(running.IsCompleted);
            release.SetResult();
            using (var answered = await running) Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            var delivered = Assert.Single(connector.Messages);
            Assert.Equal("a:shutdown-chat-0001", delivered.Conversation?.Id);
            Assert.Contains("What situation are you facing?", CardReader.VisibleText(delivered));

            var exited = await WaitForExitAsync(host.Id, TimeSpan.FromSeconds(30));
            Assert.True(exited, $"The host did not exit after SIGTERM:\n{host.Output}");
            Assert.DoesNotContain("cancelled because the host is stopping", host.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Activity activity)
    {
        var content = new StringContent(JsonSerializer.Serialize(activity, BotJson.Options), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        return client.PostAsync("api/messages", content);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            await process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (ArgumentException)
        {
            return true; // already gone
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The web host built alongside these tests (same configuration), run as its own process.</summary>
    private static string BotAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepoPaths.Root, "src", "PolicyBot.Web", "bin", configuration, "net10.0", "PolicyBot.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first.");
    }
}
