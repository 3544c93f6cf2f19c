using BotFramework.Builder;
using BotFramework.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BotFramework;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> to the <see cref="CloudAdapter"/> running the registered <see cref="IBot"/>. A plain
    /// <see cref="RequestDelegate"/> that takes its services from the request, as a handler with parameters would: no
    /// request delegate is generated for it at start-up (that compiles expression trees, and loads
    /// <c>System.Linq.Expressions</c> and the validation assemblies, for nothing the endpoint needs).
    /// </summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, http =>
        {
            var services = http.RequestServices;
            var gate = services.GetRequiredService<TurnGate>();
            // Stopping: no new turn (Teams sends it again). Not the request's abort token: a turn that started must
            // still save and deliver its answer when the channel stops waiting (Teams gives up after about 15 s); only
            // the end of the shutdown grace period stops it. The adapter uses the abort token itself to drop a turn
            // that was still waiting for its conversation's earlier ones.
            return gate.IsClosed
                ? RefuseWhileStoppingAsync(http.Response)
                : services.GetRequiredService<CloudAdapter>().ProcessAsync(http.Request, http.Response, services.GetRequiredService<IBot>(), gate.TurnsCancelled);
        });

    private static Task RefuseWhileStoppingAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "5";
        return response.WriteAsJsonAsync(new Schema.ErrorResponse { Error = new Schema.Error { Code = "ServiceUnavailable", Message = "The bot is restarting; please try again." } }, Schema.BotJson.Options);
    }
}
