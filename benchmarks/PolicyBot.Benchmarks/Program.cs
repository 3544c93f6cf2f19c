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

// Runs the three-turn conversation of ../shared/perf/compare.sh (Flow.cs: the text "someone left a hostile comment on
// our page", then the first button of the last card, twice) through the production services and middleware, N
// conversations in flight, and prints throughput, latency (all turns and by turn), CPU and memory per turn, and
// storage calls per turn — for each storage. --trace lists the storage calls of one conversation, turn by turn.
//   dotnet run -c Release --project benchmarks/PolicyBot.Benchmarks [-- --conversations 8 --seconds 10 --only memory|file|blob|matcher] [--trace]
var conversations = Arg("--conversations", 8);
var seconds = Arg("--seconds", 8);
var only = ArgText("--only");
var trace = args.Contains("--trace");

Console.WriteLine($"PolicyBot turn benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {conversations} conversations in flight, {seconds} s per storage");
Console.WriteLine();
if (only is null or "matcher")
{
    MatcherBenchmark.Run();
    Console.WriteLine();
}
if (only == "matcher") return;
if (!trace) Console.WriteLine("storage        turns/s   p50 ms   p99 ms   p50 turn 1/2/3 ms      CPU ms/turn   calls/turn  reads  writes   alloc KB/turn   RSS MB");

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
    services.AddSingleton(sp => new TracingStorage(storage(sp)));
    services.AddSingleton(sp => new CountingStorage(trace ? sp.GetRequiredService<TracingStorage>() : storage(sp)));
    services.AddSingleton<IStorage>(sp => sp.GetRequiredService<CountingStorage>());
    await using var provider = services.BuildServiceProvider();
    var bot = provider.GetRequiredService<IBot>();
    var middleware = provider.GetServices<IMiddleware>().ToList();
    var counter = provider.GetRequiredService<CountingStorage>();

    // Warm up (JIT, content, container creation), then measure.
    await Drive(TimeSpan.FromSeconds(2));
    if (trace)
    {
        // One more conversation, each storage call it makes listed under its turn.
        var tracing = provider.GetRequiredService<TracingStorage>();
        var adapter = new TestAdapter(TestAdapter.PersonalChat($"trace-{Guid.NewGuid():N}"), middleware);
        var calls = new List<string>[Flow.Turns + 1];
        await Flow.RunAsync(adapter, bot, turn =>
        {
            while (tracing.Calls.TryDequeue(out var before)) calls[turn - 1]?.Add(before);
            calls[turn - 1] ??= [];
            calls[turn] = [];
        });
        while (tracing.Calls.TryDequeue(out var last)) calls[Flow.Turns].Add(last);
        Console.WriteLine($"{name}: storage calls of one conversation, by turn");
        for (var turn = 1; turn <= Flow.Turns; turn++)
        {
            Console.WriteLine($"  turn {turn}: {calls[turn].Count} calls");
            foreach (var call in calls[turn]) Console.WriteLine($"    {call}");
        }
        return;
    }
    counter.Reset();
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var allocBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var measured = await Drive(TimeSpan.FromSeconds(seconds));
    watch.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var alloc = GC.GetTotalAllocatedBytes(precise: true) - allocBefore;

    var latencies = measured.Select(m => m.Ms).Order().ToList();
    var byTurn = string.Join(" / ", Enumerable.Range(0, Flow.Turns).Select(t => $"{Percentile(measured.Where(m => m.Turn == t).Select(m => m.Ms).Order().ToList(), 0.50):0.00}"));
    var turns = latencies.Count;
    Console.WriteLine($"{name,-14} {turns / watch.Elapsed.TotalSeconds,7:0}   {Percentile(latencies, 0.50),6:0.00}   {Percentile(latencies, 0.99),6:0.00}   {byTurn,-20}   {cpu.TotalMilliseconds / turns,11:0.000}   {(double)counter.Calls / turns,10:0.00}  {(double)counter.Reads / turns,5:0.00}  {(double)counter.Writes / turns,6:0.00}   {alloc / 1024.0 / turns,13:0.0}   {process.WorkingSet64 / 1024.0 / 1024.0,6:0}");

    async Task<List<(int Turn, double Ms)>> Drive(TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var all = new List<(int Turn, double Ms)>();
        var workers = Enumerable.Range(0, conversations).Select(async worker =>
        {
            var mine = new List<(int Turn, double Ms)>();
            var round = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var adapter = new TestAdapter(TestAdapter.PersonalChat($"bench-{worker}-{round++}-{Guid.NewGuid():N}"), middleware);
                var times = await Flow.RunAsync(adapter, bot);
                for (var t = 0; t < times.Length; t++) mine.Add((t, times[t]));
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
