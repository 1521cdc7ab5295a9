namespace Platform.Gateway.Security;

/// <summary>
/// Browsers may call the API only from the platform's own web pages: the origins listed in <c>Cors:AllowedOrigins</c>
/// (none by default). Tokens travel in the Authorization header, so no credentials (cookies) are allowed.
/// </summary>
internal static class WebCors
{
    private const string Policy = "web-pages";

    public static void AddWebCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "X-Correlation-Id")
            .WithExposedHeaders("Location", "Retry-After", "X-Correlation-Id")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
    }

    public static void UseWebCors(this WebApplication app) => app.UseCors(Policy);
}
