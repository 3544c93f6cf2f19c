using BotFramework.Builder;
using BotFramework.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BotFramework;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST {pattern}</c> to the <see cref="CloudAdapter"/> running the registered <see cref="IBot"/>.</summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext http, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
}
