using System.Diagnostics;
using BotFramework;
using BotFramework.Builder;
using BotFramework.State;
using BotFramework.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot;
using PolicyBot.Benchmarks;

// Runs the three-turn "hostile comment" situation (start → disagreement → open comments → guideline card)
// through the production services and middleware, N conversations in flight, and prints throughput,
// latency, CPU and memory per turn, and storage calls per turn — for each storage.
//   dotnet run -c Release --project benchmarks/PolicyBot.Benchmarks [-- --conversations 8 --seconds 10 --only memory|file|blob|matcher]
var conversations = Arg("--conversations", 8);
var seconds = Arg("--seconds", 8);
var only = ArgText("--only");

Console.WriteLine($"PolicyBot turn benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {conversations} conversations in flight, {seconds} s per storage");
Console.WriteLine();
if (only is null or "matcher")
{
    MatcherBenchmark.Run();
    Console.WriteLine();
}
if (only == "matcher") return;
Console.WriteLine("storage        turns/s   p50 ms   p99 ms   CPU ms/turn   calls/turn  reads  writes   alloc KB/turn   RSS MB");

if (only is null or "memory") await RunAsync("in-memory", _ => new MemoryStorage());
if (only is null or "file")
{
    var folder = Path.Combine(Path.GetTempPath(), "policybot-bench-" + Guid.NewGuid().ToString("N"));
    try { await RunAsync("file", _ => new FileStorage(folder)); }
    finally { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
}
if (only is null or "blob")
{
    await using var azurite = await AzuriteProcess.StartAsync();
    await RunAsync("blob (Azurite)", _ => new BlobStorage(azurite.ConnectionString, "bench-" + Guid.NewGuid().ToString("N")[..12]));
}

async Task RunAsync(string name, Func<IServiceProvider, IStorage> storage)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "File",
        ["Storage:Folder"] = Path.GetTempPath(),
        ["Bot:TypingDelay"] = "00:01:00",
    }).Build();
    var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    services.AddSingleton<IConfiguration>(configuration);
    services.AddBotFramework(configuration);
    services.AddBotFrameworkAzure();
    services.AddPolicyBot(configuration);
    services.AddSingleton(sp => new CountingStorage(storage(sp)));
    services.AddSingleton<IStorage>(sp => sp.GetRequiredService<CountingStorage>());
    await using var provider = services.BuildServiceProvider();
    var bot = provider.GetRequiredService<IBot>();
    var middleware = provider.GetServices<IMiddleware>().ToList();
    var counter = provider.GetRequiredService<CountingStorage>();

    // Warm up (JIT, content, container creation), then measure.
    await Drive(TimeSpan.FromSeconds(2));
    counter.Reset();
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var allocBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var latencies = await Drive(TimeSpan.FromSeconds(seconds));
    watch.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var alloc = GC.GetTotalAllocatedBytes(precise: true) - allocBefore;

    latencies.Sort();
    var turns = latencies.Count;
    Console.WriteLine($"{name,-14} {turns / watch.Elapsed.TotalSeconds,7:0}   {Percentile(latencies, 0.50),6:0.00}   {Percentile(latencies, 0.99),6:0.00}   {cpu.TotalMilliseconds / turns,11:0.000}   {(double)counter.Calls / turns,10:0.00}  {(double)counter.Reads / turns,5:0.00}  {(double)counter.Writes / turns,6:0.00}   {alloc / 1024.0 / turns,13:0.0}   {process.WorkingSet64 / 1024.0 / 1024.0,6:0}");

    async Task<List<double>> Drive(TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var all = new List<double>();
        var workers = Enumerable.Range(0, conversations).Select(async worker =>
        {
            var mine = new List<double>();
            var round = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var adapter = new TestAdapter(TestAdapter.PersonalChat($"bench-{worker}-{round++}-{Guid.NewGuid():N}"), middleware);
                foreach (var activity in new[]
                {
                    adapter.MakeSubmit(new { action = "situation", situation = "hostile-comment" }),
                    adapter.MakeMessage("1"),
                    adapter.MakeMessage("1"),
                })
                {
                    var start = Stopwatch.GetTimestamp();
                    await adapter.SendAsync(activity, bot);
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (adapter.GetNextReply() is null) throw new InvalidOperationException("The bot did not answer a benchmark turn.");
                }
            }
            return mine;
        }).ToList();
        foreach (var result in await Task.WhenAll(workers)) all.AddRange(result);
        return all;
    }
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;

string? ArgText(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
