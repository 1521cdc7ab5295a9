using Yarp.ReverseProxy.Forwarder;

namespace Platform.Testing;

/// <summary>Lets the gateway under test forward each cluster to a service's in-memory test server.</summary>
internal sealed class InMemoryForwarder(IReadOnlyDictionary<string, Func<HttpMessageHandler>> handlers) : IForwarderHttpClientFactory
{
    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) =>
        new(handlers.TryGetValue(context.ClusterId, out var handler)
            ? handler()
            : throw new InvalidOperationException($"No test server for cluster '{context.ClusterId}'."));
}
