using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Http;

/// <summary>Turns <see cref="BadHttpRequestException"/> (unreadable body, wrong parameter types) into a 4xx ProblemDetails.</summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        exception is BadHttpRequestException badRequest
            ? Problems.WriteAsync(httpContext, badRequest.StatusCode, "The request could not be read.", badRequest.Message, exception)
            : ValueTask.FromResult(false);
}
