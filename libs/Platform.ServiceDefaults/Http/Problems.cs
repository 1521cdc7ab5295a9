using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Http;

/// <summary>ProblemDetails answers the handlers return (as application/problem+json). Another tenant's id is "not found", never "forbidden".</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"{what} not found.",
            detail: $"There is no {what.ToLowerInvariant()} {id}.");

    /// <summary>For middleware that answers before any endpoint runs (limits, refused bodies): status and ProblemDetails.</summary>
    public static ValueTask<bool> WriteAsync(HttpContext context, int status, string title, string detail, Exception? exception = null)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
