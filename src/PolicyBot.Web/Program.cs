using BotFramework;
using BotFramework.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using PolicyBot;
using PolicyBot.Diagnostics;
using PolicyBot.Web.Health;
using PolicyBot.Web.Hosting;
using PolicyBot.Web.Telemetry;

// The slim builder: the same configuration, console logging, Kestrel over HTTP, host filtering and forwarded headers as
// the full one, without what this host never uses and only loads (IIS integration, which is Windows; HTTPS and HTTP/3
// in Kestrel: App Service ends TLS in front of it; the Debug and EventSource log providers). Fewer assemblies mapped
// (benchmarks/README.md, "Memory and GC").
var builder = WebApplication.CreateSlimBuilder(args);

// The repository's top-level appsettings.json (copied next to the binaries) holds the defaults;
// environment variables and command-line arguments (--urls, Storage:Provider=…) override it.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    Path = "appsettings.json",
    Optional = true,
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
});

builder.Services.AddBotFramework(builder.Configuration);
builder.Services.AddBotFrameworkAzure();
builder.Services.AddPolicyBot(builder.Configuration);
builder.Services.AddPolicyBotTelemetry(builder.Configuration);
builder.Services.AddHealthChecks().AddBotFrameworkChecks().AddPolicyBotChecks();
builder.Services.AddHostedService<StartupMemoryRelease>();

var app = builder.Build();

// A plain request delegate (no handler with parameters to generate one for: see MapBotFramework).
app.MapGet("/healthz", static http =>
{
    http.Response.ContentType = "text/plain; charset=utf-8";
    return http.Response.WriteAsync("ok");
});
app.MapHealthChecks("/readyz", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains(BotFrameworkDiagnosticsExtensions.ReadyTag),
    ResponseWriter = ReadinessResponse.WriteAsync,
});
app.MapBotFramework(TelemetryServiceCollectionExtensions.MessagesPath);

app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
