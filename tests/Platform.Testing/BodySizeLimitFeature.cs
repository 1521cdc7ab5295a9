using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Testing;

/// <summary>
/// The request body limit feature Kestrel gives every request and the in-memory test server does not. Without it, routing
/// logs a warning ("A request body size limit could not be applied") for every request to an endpoint with a limit of its
/// own (the call-list and suppression-list uploads). The test server keeps the limit without enforcing it on a streamed
/// body; a declared length over it is refused by the services' own request limits, as under Kestrel.
/// </summary>
internal sealed class BodySizeLimitFeature : IHttpMaxRequestBodySizeFeature
{
    public bool IsReadOnly => false;

    public long? MaxRequestBodySize { get; set; }

    /// <summary>Adds the feature ahead of the application's pipeline, where the server has none.</summary>
    internal sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is null)
                {
                    context.Features.Set<IHttpMaxRequestBodySizeFeature>(new BodySizeLimitFeature());
                }
                return following(context);
            });
            next(app);
        };
    }
}
