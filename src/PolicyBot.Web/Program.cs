using BotFramework;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using PolicyBot;

var builder = WebApplication.CreateBuilder(args);

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

var app = builder.Build();

app.MapGet("/healthz", () => Results.Text("ok"));
app.MapBotFramework("/api/messages");

app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
