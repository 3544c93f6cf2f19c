using BotFramework;
using PolicyBot;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBotFramework(builder.Configuration);
builder.Services.AddPolicyBot(builder.Configuration);

var app = builder.Build();

app.MapGet("/healthz", () => Results.Text("ok"));
app.MapBotFramework("/api/messages");

app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
