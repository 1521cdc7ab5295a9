using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Http;

public sealed class RequestLimitOptions
{
    /// <summary>Largest request body accepted (JSON API calls are small; an import endpoint may raise its own limit).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Refuses a body over the limit with 413 ProblemDetails before anything reads it: at once when the length is
/// declared, and through the server's own limit when it is streamed (chunked). An endpoint may carry a limit of its
/// own (<see cref="IRequestSizeLimitMetadata"/>, e.g. a file upload).
/// </summary>
internal static class RequestLimits
{
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<RequestLimitOptions>();
        return app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxBodyBytes;
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }
            if (context.Request.ContentLength > limit)
            {
                await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    "The request body is too large.", $"At most {limit} bytes are accepted.");
                return;
            }
            await next(context);
        });
    }
}
