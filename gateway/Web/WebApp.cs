using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Platform.Gateway.Web;

/// <summary>
/// Serves the single-page app from the gateway, before authentication (the pages hold no data; every API call is checked as
/// before): its files as they are, and index.html for any other page path (the app routes in the browser). Paths of the API,
/// the OpenAPI documents, health and metrics never fall back. Built assets (content-hashed names under assets/) are cached
/// for a year, index.html never. The pages carry a CSP for an app that loads nothing from elsewhere.
/// </summary>
internal static class WebApp
{
    private static readonly string[] NotPages = ["/api", "/openapi", "/health", "/metrics", "/scalar"];

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static string? FindRoot(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetSection("WebApp").Get<WebAppOptions>()?.Root;
        var candidates = configured is not null
            ? [Path.GetFullPath(configured, environment.ContentRootPath)]
            : new[] { Path.Combine(environment.ContentRootPath, "..", "web", "dist"), Path.Combine(environment.ContentRootPath, "web", "dist") }
                .Select(Path.GetFullPath);
        return candidates.FirstOrDefault(root => File.Exists(Path.Combine(root, "index.html")));
    }

    public static void UseWebApp(this WebApplication app)
    {
        var root = FindRoot(app.Configuration, app.Environment);
        if (root is null)
        {
            app.Logger.LogWarning("No built web app (web/dist/index.html): run `npm ci && npm run build` in web/. The API works without it.");
            return;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => PageHeaders(context.Context.Response,
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache"),
        });
        var index = files.GetFileInfo("index.html");
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || NotPages.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                || Path.HasExtension(request.Path.Value))
            {
                await next(context);
                return;
            }
            PageHeaders(context.Response, "no-cache");
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = index.Length;
            if (HttpMethods.IsGet(request.Method))
            {
                await context.Response.SendFileAsync(index, context.RequestAborted);
            }
        });
    }

    private static void PageHeaders(HttpResponse response, string cacheControl)
    {
        var headers = response.Headers;
        headers[HeaderNames.CacheControl] = cacheControl;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "same-origin";
    }
}
