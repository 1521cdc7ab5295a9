using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Http;

/// <summary>ProblemDetails answers the handlers return. Another tenant's id is "not found", never "forbidden".</summary>
public static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string what, Guid id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"{what} not found.",
            Detail = $"There is no {what.ToLowerInvariant()} {id}.",
        });
}
