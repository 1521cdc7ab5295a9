namespace Platform.Clients.Idempotency;

/// <summary>The answer first given to a request, sent again to its retry (status, Location and body as they were).</summary>
public sealed class ReplayedAnswer(int statusCode, string? location, string body) : IResult
{
    public const string Header = "Idempotent-Replayed";

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = statusCode;
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }
        http.Response.Headers[Header] = "true";
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body, http.RequestAborted);
    }
}
