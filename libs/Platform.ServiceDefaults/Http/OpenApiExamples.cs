using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Http;

/// <summary>Request examples for the API explorer (/scalar): what an integrator copies to make a first call.</summary>
public static class OpenApiExamples
{
    /// <summary>Shows <paramref name="example"/> (serialised as the API reads JSON: camelCase) as the operation's request body example.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var node = JsonSerializer.SerializeToNode(example, JsonSerializerOptions.Web);
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                media.Example = node?.DeepClone();
            }
            return Task.CompletedTask;
        });
}
