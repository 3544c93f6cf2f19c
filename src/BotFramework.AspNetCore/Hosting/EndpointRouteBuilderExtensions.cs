using BotFramework.Builder;
using BotFramework.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotFramework;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the <see cref="CloudAdapter"/> running the registered <see cref="IBot"/>.</summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext http, CloudAdapter adapter, IBot bot, IHostApplicationLifetime lifetime) =>
            // Not the request's abort token: a turn that started must still save and deliver its answer when the
            // channel stops waiting (Teams gives up after about 15 s); only shutting down stops it. The adapter
            // uses the abort token itself to drop a turn that was still waiting for its conversation's earlier ones.
            adapter.ProcessAsync(http.Request, http.Response, bot, lifetime.ApplicationStopping));
}
