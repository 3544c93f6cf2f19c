using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Azure.Storage.Blobs;
using BotFramework.State;

namespace TestKit;

/// <summary>
/// A real Azurite blob service on a free loopback port, shared by a test collection. By default it persists
/// to a temporary folder, so <see cref="StopAsync"/> then <see cref="StartAsync"/> (same port) keeps the data;
/// set <see cref="InMemory"/> for a faster throw-away instance. Fails, never skips, when Azurite is missing.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's documented, public development account key.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string MainScript = "tools/azurite/node_modules/azurite/dist/src/blob/main.js";
    private const string InstallHint = "run `npm ci --prefix tools/azurite` in the repository root (or set AZURITE_BLOB_MAIN to azurite's dist/src/blob/main.js)";
    // Generous: on a busy 2-core machine a cold node start of Azurite has taken over 30 s.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ConcurrentQueue<string> _recentOutput = new();
    private Process? _process;
    private string? _location;

    /// <summary>Keep blobs in memory only (lost on <see cref="StopAsync"/>).</summary>
    public bool InMemory { get; init; }

    public int Port { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        if (!InMemory)
        {
            _location = Path.Combine(Path.GetTempPath(), "policybot-azurite", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_location);
        }

        // The free port can be taken between probing and binding; one more port covers that race.
        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            try
            {
                await StartAsync();
                return;
            }
            catch (AzuriteExitedException) when (attempt < 2)
            {
            }
        }
    }

    /// <summary>Starts Azurite on <see cref="Port"/> and returns once it answers a real request.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) throw new InvalidOperationException("Azurite is already running.");
        var main = FindAzuriteMain();

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(main);
        foreach (var argument in new[] { "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--disableTelemetry", "--skipApiVersionCheck", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }
        if (_location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_location);
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Remember(e.Data);
            if (e.Data.Contains("successfully listens", StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Remember(e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new AzuriteExitedException($"Azurite exited while starting on port {Port}. Output:\n{RecentOutput()}"));

        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Node.js ('node') was not found on PATH; install Node.js 20 or later, then {InstallHint}.", e);
        }
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await listening.Task.WaitAsync(StartTimeout);
            await WaitUntilAnsweringAsync();
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops Azurite: SIGTERM first, so it writes its blob index to <c>--location</c> (a plain kill loses the
    /// last seconds of writes), then a kill of the process tree if it has not exited within 10 s.
    /// The port and, unless in memory, the data remain for <see cref="StartAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null) return;
        try
        {
            if (!process.HasExited && !OperatingSystem.IsWindows() && SendSignal(process.Id, SigTerm) == 0)
            {
                try
                {
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (TimeoutException)
                {
                }
            }
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            process.Dispose();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_location is not null && Directory.Exists(_location)) Directory.Delete(_location, recursive: true);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var client = new BlobServiceClient(ConnectionString, BlobStorage.CreateDefaultClientOptions());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await client.GetPropertiesAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && IsRunning)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string FindAzuriteMain()
    {
        var configured = Environment.GetEnvironmentVariable("AZURITE_BLOB_MAIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"AZURITE_BLOB_MAIN is '{configured}', which does not exist; {InstallHint}.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, MainScript);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"Azurite is not installed ({MainScript} not found above {AppContext.BaseDirectory}); {InstallHint}.");
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private void Remember(string line)
    {
        _recentOutput.Enqueue(line);
        while (_recentOutput.Count > 50) _recentOutput.TryDequeue(out _);
    }

    private string RecentOutput() => string.Join('\n', _recentOutput);

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private sealed class AzuriteExitedException(string message) : Exception(message);
}
