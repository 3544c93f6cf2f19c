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
        endpoints.MapPost(pattern, (HttpContext http, CloudAdapter adapter, IBot bot, TurnGate gate) =>
            // Stopping: no new turn (Teams sends it again). Not the request's abort token: a turn that started must
            // still save and deliver its answer when the channel stops waiting (Teams gives up after about 15 s); only
            // the end of the shutdown grace period stops it. The adapter uses the abort token itself to drop a turn
            // that was still waiting for its conversation's earlier ones.
            gate.IsClosed ? RefuseWhileStoppingAsync(http.Response) : adapter.ProcessAsync(http.Request, http.Response, bot, gate.TurnsCancelled));

    private static Task RefuseWhileStoppingAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "5";
        return response.WriteAsJsonAsync(new Schema.ErrorResponse { Error = new Schema.Error { Code = "ServiceUnavailable", Message = "The bot is restarting; please try again." } }, Schema.BotJson.Options);
    }
}
