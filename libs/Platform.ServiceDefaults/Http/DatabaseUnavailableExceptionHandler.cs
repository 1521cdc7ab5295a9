using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// A request that failed because the database is away (restarting, failing over, unreachable, its pool exhausted) gets
/// 503 with <c>Retry-After</c>: the client may try again, nothing of the request was committed. Not 500, which says the
/// request itself is at fault.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.Is(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await Problems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "The database is unavailable.",
            $"The request could not reach the database; try again in {RetryAfterSeconds} s.", exception);
    }
}
