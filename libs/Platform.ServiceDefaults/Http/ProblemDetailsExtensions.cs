using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Http;

internal static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error is a ProblemDetails document: unhandled exceptions (500, no internals), bad requests that
    /// minimal APIs refuse before a handler runs (malformed JSON, wrong types: 400 with the reason), and
    /// bare status codes such as 401/404/405.
    /// </summary>
    public static void AddProblemDetailsForEveryError(this WebApplicationBuilder builder)
    {
        // ASP.NET Core adds the traceId; we add the correlation id.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items[CorrelationIdMiddleware.ItemKey] is string correlationId)
            {
                context.ProblemDetails.Extensions.TryAdd("correlationId", correlationId);
            }
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Let minimal APIs throw on bad input so the handler above can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }
}
