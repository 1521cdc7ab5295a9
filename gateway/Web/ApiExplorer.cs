using Scalar.AspNetCore;

namespace Platform.Gateway.Web;

/// <summary>
/// The API explorer for developers at <c>/scalar</c>: Scalar (its bundle is served from the package, nothing from a CDN) over
/// every service's OpenAPI document as the gateway publishes them, with their summaries, schemas and a request console.
/// Its page runs an inline start-up script, so it gets a policy of its own instead of the API's <c>default-src 'none'</c>.
/// </summary>
internal static class ApiExplorer
{
    public const string Path = "/scalar";

    private static readonly (string Name, string Title)[] Documents =
        [("clients", "CRM (clients)"), ("queue", "Queues and routing"), ("scripts", "Scripts"), ("reporting", "Reporting"), ("v1", "Gateway: sign-in, users")];

    private const string Policy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>Before the service defaults: a response callback registered earlier runs later, so this policy is the one sent.</summary>
    public static void UseApiExplorerPolicy(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.ContentSecurityPolicy = Policy;
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });

    public static void MapApiExplorer(this WebApplication app) =>
        app.MapScalarApiReference(Path, options =>
        {
            // Requests from the console go through this gateway (the documents name each service's own address), and nothing
            // leaves for Scalar's hosted services (agent, telemetry, MCP).
            options.WithTitle("Call center platform API").AddServer("/", "This gateway").WithDynamicBaseServerUrl()
                .ShowOperationId().DisableAgent().DisableTelemetry().DisableMcp().HideDeveloperTools();
            foreach (var (name, title) in Documents)
            {
                options.AddDocument(name, title, $"/openapi/{name}.json", isDefault: name == "clients");
            }
        }).AllowAnonymous();
}
