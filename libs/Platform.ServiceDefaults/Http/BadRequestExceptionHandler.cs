using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Turns <see cref="BadHttpRequestException"/> (unreadable body, wrong parameter types) into a 4xx ProblemDetails, and
/// text PostgreSQL cannot store (a NUL character, in a column or inside JSON) into 400: the statement failed, so its
/// transaction changed nothing.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            BadHttpRequestException badRequest =>
                Problems.WriteAsync(httpContext, badRequest.StatusCode, "The request could not be read.", badRequest.Message, exception),
            PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }
                when !httpContext.Response.HasStarted =>
                Problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest, "The request could not be stored.",
                    "A text contains a character that cannot be stored (the NUL character, \\u0000).", exception),
            _ => ValueTask.FromResult(false),
        };
}
